// What signing out does to the offline copy on this device: nothing of one
// learner may stay for the next one to see or send (issue 14).

import { postGrade, syncGrades } from "./sync-grades";
import { clearDevice, countAllWaiting, removeWaitingGrade, replaceWaitingGrade, waitingGrades } from "./store";

/**
 * Sends `userId`'s waiting grades if there is a network, asks (`confirm`)
 * before dropping any that could not be sent, then empties the device's
 * cards, waiting grades and cached review page. Returns false when the
 * learner chose to stay signed in to keep them. Never throws: a device
 * without IndexedDB has nothing to clear.
 */
export async function prepareSignOut(userId: string, confirm: (message: string) => boolean): Promise<boolean> {
  try {
    if (navigator.onLine) {
      const grades = await waitingGrades(userId);
      if (grades.length) await syncGrades(grades, postGrade, (g) => removeWaitingGrade(g.id!), replaceWaitingGrade);
    }
    const left = await countAllWaiting();
    if (left > 0 && !confirm(`${left} grade${left === 1 ? "" : "s"} made offline could not be sent. Sign out and discard ${left === 1 ? "it" : "them"}? Cancel to stay signed in and send ${left === 1 ? "it" : "them"} when you are back online.`)) {
      return false;
    }
    await clearDevice();
  } catch {
    // IndexedDB unavailable: nothing was kept.
  }
  return true;
}
