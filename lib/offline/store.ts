// The device's copy of today's cards and the grades made offline, in
// IndexedDB through `idb`. One pack at a time (the last signed-in learner's);
// waiting grades carry their learner's id and are only ever sent with that
// learner's session. Sign-out empties both (clearDevice).

import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OfflinePack } from "@/lib/dal/offline-pack";
import type { WaitingGrade } from "./offline-queue";
import { PAGES_CACHE } from "./cache-names";

const DB_NAME = "recall-offline";

interface OfflineDb extends DBSchema {
  pack: { key: "current"; value: OfflinePack };
  grades: { key: number; value: WaitingGrade; indexes: { byUser: string } };
}

let dbPromise: Promise<IDBPDatabase<OfflineDb>> | null = null;

function db(): Promise<IDBPDatabase<OfflineDb>> {
  dbPromise ??= openDB<OfflineDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore("pack");
      d.createObjectStore("grades", { keyPath: "id", autoIncrement: true }).createIndex("byUser", "userId");
    },
  });
  return dbPromise;
}

/** Keeps `pack` as the device's cards, replacing any earlier pack (another learner's included). */
export async function savePack(pack: OfflinePack): Promise<void> {
  await (await db()).put("pack", pack, "current");
}

/** The pack kept on the device, if it is `userId`'s (null for another learner's, or none). */
export async function loadPack(userId?: string): Promise<OfflinePack | null> {
  const pack = (await (await db()).get("pack", "current")) ?? null;
  return pack && (userId === undefined || pack.userId === userId) ? pack : null;
}

/** Adds a grade made offline; grades keep the order they were made in (auto-increment keys). */
export async function addWaitingGrade(g: Omit<WaitingGrade, "id">): Promise<void> {
  await (await db()).add("grades", g as WaitingGrade);
}

/** `userId`'s waiting grades, oldest first. */
export async function waitingGrades(userId: string): Promise<WaitingGrade[]> {
  const all = await (await db()).getAllFromIndex("grades", "byUser", userId);
  return all.sort((a, b) => a.id! - b.id!);
}

export async function removeWaitingGrade(id: number): Promise<void> {
  await (await db()).delete("grades", id);
}

export async function replaceWaitingGrade(g: WaitingGrade): Promise<void> {
  await (await db()).put("grades", g);
}

/** Grades waiting on this device, every learner's: what sign-out would throw away. */
export async function countAllWaiting(): Promise<number> {
  return (await db()).count("grades");
}

/**
 * Drops the pack and the cached pages when they are another learner's (whose
 * session ended without signing out): the signed-in learner never sees them.
 * That learner's waiting grades stay, keyed to them, unsent and unshown.
 */
export async function forgetOtherLearners(userId: string): Promise<void> {
  // Read and delete in one transaction: the review page may be saving this learner's pack meanwhile.
  const tx = (await db()).transaction("pack", "readwrite");
  const pack = await tx.store.get("current");
  const other = pack !== undefined && pack.userId !== userId;
  if (other) await tx.store.delete("current");
  await tx.done;
  if (other && "caches" in window) await caches.delete(PAGES_CACHE);
}

/**
 * Forgets everything offline on this device: the pack, every waiting grade
 * and the cached review page (which shows a card). Called on sign-out, after
 * the learner has synced or agreed to drop what could not be sent.
 */
export async function clearDevice(): Promise<void> {
  const d = await db();
  const tx = d.transaction(["pack", "grades"], "readwrite");
  await Promise.all([tx.objectStore("pack").clear(), tx.objectStore("grades").clear(), tx.done]);
  if ("caches" in window) await caches.delete(PAGES_CACHE);
}
