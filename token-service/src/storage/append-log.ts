// An append-only file whose batches are all or nothing. write(2) may write fewer bytes than asked
// (a disk filling up writes what fits, then fails): every batch is written on until its last byte,
// synced, and only then acknowledged. A batch that fails is cut off again, so the file always ends
// at a complete record and a later batch can never run into a torn one.
import { open, type FileHandle } from 'node:fs/promises';

/** Writes up to `length` bytes of `buffer` from `offset` at file `position`; returns how many were written (may be fewer). */
export type WriteAt = (handle: FileHandle, buffer: Buffer, offset: number, length: number, position: number) => Promise<number>;

export const writeAt: WriteAt = async (handle, buffer, offset, length, position) => (await handle.write(buffer, offset, length, position)).bytesWritten;

export class AppendLog {
  /** A failed batch left bytes past `end` that could not be cut off yet: cut them before the next. */
  private torn = false;

  /**
   * `end`: the size of the file once its last complete record, where the next batch goes.
   * `write`: the write call (tests inject one that writes short, as a full disk does).
   */
  constructor(private readonly file: string, private end: number, private readonly write: WriteAt = writeAt) {}

  /** The file's size as far as this log knows it (complete records only). */
  get size(): number {
    return this.end;
  }

  /** Resolves once every byte of `text` is on disk; otherwise rejects and the file ends where it did. */
  async append(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    // 'r+', not 'a': a log that vanished fails loudly instead of starting over without its
    // revocations, and writes go to `end`, never behind a torn tail.
    const handle = await open(this.file, 'r+');
    try {
      if (this.torn) {
        await handle.truncate(this.end);
        this.torn = false;
      }
      try {
        await this.writeAll(handle, bytes);
        await handle.datasync();
      } catch (err) {
        await this.cutBack(handle);
        throw err;
      }
      this.end += bytes.length;
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  private async writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
    for (let done = 0; done < bytes.length;) {
      const n = await this.write(handle, bytes, done, bytes.length - done, this.end + done);
      // write(2) answers a full disk with a short count first and ENOSPC next; 0 would loop forever.
      if (n <= 0) throw Object.assign(new Error('no space left on device (the write stopped short)'), { code: 'ENOSPC' });
      done += n;
    }
  }

  /** Cuts a failed batch off; if even that fails, the next batch does it before writing. */
  private async cutBack(handle: FileHandle): Promise<void> {
    this.torn = true;
    try {
      await handle.truncate(this.end);
      await handle.datasync();
      this.torn = false;
    } catch {
      // Left for the next append (which fails while it cannot cut) and for the next start (which drops a torn tail).
    }
  }
}
