// The Content-Security-Policy for the renderer, sent as a header by the app:// protocol handler
// and by the preview server. Nothing but our own files; no eval, no inline script, no remote
// anything. Images may be data:/blob: URLs (drawn signatures, attachment previews).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
