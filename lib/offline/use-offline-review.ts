"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { OfflinePack } from "@/lib/dal/offline-pack";
import type { QueueView } from "@/app/(app)/review/queue-view";
import { offlineQueue, type GradeName, type WaitingGrade } from "./offline-queue";
import { describeSync, postGrade, syncGrades } from "./sync-grades";
import { addWaitingGrade, loadPack, removeWaitingGrade, replaceWaitingGrade, savePack, waitingGrades } from "./store";

export interface OfflineReview {
  /** No network: the page shows the device's cards and grades go to the device. */
  active: boolean;
  /** Grades made offline not yet sent (this learner's). */
  waiting: number;
  /** Cards kept on the device for offline review (null before the pack is read). */
  saved: number | null;
  /** Offline: cards of the pack still to review now (0 when they have run out). */
  left: number;
  /** What the last sync did ("5 grades synced."), or why grades are still waiting. */
  message: string | null;
  /** Stores a grade made offline (before the next card shows), so closing the tab loses nothing. */
  grade: (card: { cardId: string; version: number }, grade: GradeName, durationMs: number) => Promise<void>;
  /**
   * Runs a server call; if the network fails under it (a connection that is
   * "up" but carries nothing), switches to offline review and returns null.
   * Other errors are thrown as before.
   */
  reach: <T>(call: () => Promise<T>) => Promise<T | null>;
}

/** While offline, how often the page checks whether the network is back (the "online" event does not fire when the connection was up but dead). */
const RETRY_MS = 20_000;

/**
 * The review page's queue, online or not (docs/decisions/023). Use it in
 * place of `useState(initial)`: online it is the server's queue as the page
 * sets it; offline it is the next card of the pack kept on the device, minus
 * the grades waiting there. Back online it sends the waiting grades, once
 * each and in order, then loads the server's queue again.
 */
export function useOfflineReview(initial: QueueView): { queue: QueueView; setQueue: (q: QueueView) => void; offline: OfflineReview } {
  const [serverQueue, setServerQueue] = useState(initial);
  const [online, setOnline] = useState(true);
  const [pack, setPack] = useState<OfflinePack | null>(null);
  const [waiting, setWaiting] = useState<WaitingGrade[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const syncing = useRef<Promise<void> | null>(null);
  // The card the server's queue shows now (see setQueue).
  const shownNext = useRef(initial.next?.cardId);

  const refreshPack = useCallback(async () => {
    const res = await fetch("/api/review/offline", { cache: "no-store" });
    if (!res.ok) return null;
    const fresh = (await res.json()) as OfflinePack;
    await savePack(fresh);
    setPack(fresh);
    return fresh;
  }, []);

  // Sends this learner's waiting grades, then shows the server's queue. One run at a time.
  const syncNow = useCallback(() => {
    syncing.current ??= (async () => {
      try {
        const current = (await refreshPack()) ?? (await loadPack());
        if (!current) return;
        const grades = await waitingGrades(current.userId);
        if (grades.length) {
          const report = await syncGrades(grades, postGrade, (g) => removeWaitingGrade(g.id!), replaceWaitingGrade);
          setMessage(describeSync(report));
          setWaiting(await waitingGrades(current.userId));
          const next = await fetch("/api/review/next", { cache: "no-store" });
          if (next.ok) {
            const q = (await next.json()) as QueueView;
            shownNext.current = q.next?.cardId;
            setServerQueue(q);
          }
          await refreshPack();
        }
        setOnline(true);
      } catch {
        // The network went again: stay offline, nothing is lost.
      } finally {
        syncing.current = null;
      }
    })();
    return syncing.current;
  }, [refreshPack]);

  useEffect(() => {
    if (online) return;
    const timer = setInterval(() => void syncNow(), RETRY_MS);
    return () => clearInterval(timer);
  }, [online, syncNow]);

  const reach = useCallback(
    async <T,>(call: () => Promise<T>): Promise<T | null> => {
      try {
        return await call();
      } catch (e) {
        // fetch() rejects with a TypeError when no answer came; a server error is an Error with a digest.
        if (!(e instanceof TypeError)) throw e;
        setOnline(false);
        if (!pack) setPack(await loadPack());
        return null;
      }
    },
    [pack],
  );

  useEffect(() => {
    let cancelled = false;
    const goOffline = () => setOnline(false);
    const goOnline = () => void syncNow();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    void (async () => {
      if (navigator.onLine) {
        await syncNow();
        return;
      }
      setOnline(false);
      const kept = await loadPack();
      if (cancelled || !kept) return;
      setPack(kept);
      setWaiting(await waitingGrades(kept.userId));
    })();
    return () => {
      cancelled = true;
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
    };
  }, [syncNow]);

  // A card that leaves the server's queue online (graded, buried, suspended) leaves the device's pack too,
  // so that going offline later does not show it again.
  const setQueue = useCallback((q: QueueView) => {
    const left = shownNext.current;
    shownNext.current = q.next?.cardId;
    setServerQueue(q);
    if (left && left !== q.next?.cardId) {
      void loadPack().then((p) => {
        if (!p) return;
        const kept = { ...p, cards: p.cards.filter((c) => c.cardId !== left) };
        setPack(kept);
        return savePack(kept);
      });
    }
  }, []);

  const grade = useCallback(
    async (card: { cardId: string; version: number }, g: GradeName, durationMs: number) => {
      if (!pack) return;
      const entry: Omit<WaitingGrade, "id"> = { userId: pack.userId, cardId: card.cardId, version: card.version, grade: g, durationMs, gradedAt: new Date().toISOString(), attempts: 0 };
      await addWaitingGrade(entry);
      setWaiting(await waitingGrades(pack.userId));
    },
    [pack],
  );

  const active = !online;
  const queue: QueueView = active
    ? pack
      ? { ...offlineQueue(pack, waiting), nextDue: null }
      : { next: null, remaining: { new: 0, learning: 0, reviews: 0 }, nextDue: null }
    : serverQueue;
  return { queue, setQueue, offline: { active, waiting: waiting.length, saved: pack ? pack.cards.length : null, left: queue.remaining.reviews + queue.remaining.learning + queue.remaining.new, message, grade, reach } };
}
