// Reading a database's schema version (PRAGMA user_version) without opening a connection: no
// SQLite connection, read-only or not, may touch a file we are about to refuse. A writable one
// checkpoints a pending WAL into the main file on close and deletes the -wal; even a read-only one
// writes read marks into the -shm. So we read the bytes ourselves: the 4-byte big-endian value at
// offset 60 of page 1, taken from the last committed copy of page 1 in the -wal when there is one
// (a newer RadLedger killed mid-session leaves its migration there), else from the main file.
// WAL layout: https://www.sqlite.org/fileformat2.html#walformat
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

const USER_VERSION_OFFSET = 60;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return n === length ? buf : buf.subarray(0, n);
}

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from `s`. */
function walChecksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * user_version as the last commit in the -wal left it, or null when the WAL holds no valid
 * committed copy of page 1 (missing, empty, reset, or torn: SQLite would ignore it too).
 */
function versionInWal(walFile: string): number | null {
  if (!existsSync(walFile)) return null;
  const fd = openSync(walFile, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < WAL_HEADER) return null;
    const header = readAt(fd, WAL_HEADER, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
    const bigEndian = magic === 0x377f0683;
    const pageSize = header.readUInt32BE(8) === 1 ? 65536 : header.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
    let sum = walChecksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return null;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);

    let pending: number | null = null; // page 1's version in frames after the last commit
    let committed: number | null = null;
    for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= size; at += FRAME_HEADER + pageSize) {
      const frame = readAt(fd, FRAME_HEADER + pageSize, at);
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      sum = walChecksum(frame.subarray(0, 8), bigEndian, sum);
      sum = walChecksum(frame.subarray(FRAME_HEADER), bigEndian, sum);
      if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) break;
      if (frame.readUInt32BE(0) === 1) pending = frame.readUInt32BE(FRAME_HEADER + USER_VERSION_OFFSET);
      if (frame.readUInt32BE(4) !== 0) {
        // A commit frame: everything up to here is durable.
        if (pending !== null) committed = pending;
        pending = null;
      }
    }
    return committed;
  } finally {
    closeSync(fd);
  }
}

/** The schema version of an existing database file, read without any SQLite connection. */
export function readUserVersion(file: string): number {
  const fromWal = versionInWal(`${file}-wal`);
  if (fromWal !== null) return fromWal;
  const fd = openSync(file, 'r');
  try {
    const header = readAt(fd, 100, 0);
    if (header.length < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return 0;
    return header.readUInt32BE(USER_VERSION_OFFSET);
  } finally {
    closeSync(fd);
  }
}
