// Limits of an Anki import, in one place for the server and the import page.

/** Largest package accepted, in bytes (the upload limit the import page states). */
export const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;
/** Largest collection accepted once unpacked (zip and zstd bombs stop here), in bytes. */
export const MAX_COLLECTION_BYTES = 512 * 1024 * 1024;
/** Most notes one import takes (a 50,000-note collection fits with room to spare). */
export const MAX_NOTES = 200_000;
