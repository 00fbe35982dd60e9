import type { OfflineReview } from "@/lib/offline/use-offline-review";

/** "Offline — 7 grades waiting", what the last sync did, and whether this device has cards for offline use. */
export function OfflineStatus({ offline }: { offline: OfflineReview }) {
  if (offline.active) {
    return (
      <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-900" data-testid="offline-status">
        <strong>Offline</strong> — {offline.waiting} grade{offline.waiting === 1 ? "" : "s"} waiting.{" "}
        {offline.saved === null
          ? "This device has no cards saved: open Review once with a network to keep today’s cards here."
          : offline.left === 0
            ? "No more cards saved on this device: the rest of today’s come once you are back online, and your grades are sent then."
            : "They are sent when the network is back. Undo, bury, suspend and edit need the network."}
      </p>
    );
  }
  return (
    <>
      {offline.message && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="sync-status">
          {offline.message}
        </p>
      )}
      {offline.saved !== null && (
        <p className="text-xs text-slate-600" data-testid="offline-ready">
          {offline.saved} card{offline.saved === 1 ? "" : "s"} saved on this device for reviewing offline.
        </p>
      )}
    </>
  );
}
