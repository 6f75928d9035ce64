// The identifiers the documents carry, apart from the code that draws or reads them: the services
// need these on every call (a packet twin's check, a review form's payload) while pdfkit and
// pdf-lib are loaded only when a PDF is made or read (see docs/decisions.md, "PDF libraries load
// on first use").
export const PACKET_FORMAT = 'radledger-verification-packet';
export const PACKET_FORMAT_VERSION = 1;

export const REVIEW_FORM_FORMAT = 'radledger-review-form';
export const REVIEW_FORM_VERSION = 1;
export const REVIEW_FORM_INFO_KEY = 'RadLedgerReviewForm';
export const PAYLOAD_FIELD = 'radledger.payload';
