// A valid zstd frame of `size` zero bytes made of RLE blocks (RFC 8878 §3.1.1):
// a few bytes that decompress to megabytes, for the zstd-bomb test. No zstd
// compressor is needed for that, and fzstd (the decompressor Recall uses) reads it.
export function compress(size: number): Uint8Array {
  const BLOCK = 128 * 1024; // Block_Maximum_Size
  const out: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]; // magic, descriptor (no FCS), window 2^17
  for (let left = size; left > 0; ) {
    const n = Math.min(BLOCK, left);
    left -= n;
    const header = (left === 0 ? 1 : 0) | (1 << 1) | (n << 3); // last-block bit, type RLE, size
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0x00);
  }
  return new Uint8Array(out);
}
