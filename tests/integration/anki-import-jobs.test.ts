// Anki import jobs across processes (RECALL_WORKERS, docs/decisions/012): the
// job is a database row, so a poll answered by another process sees it; a
// running job whose process died is reported failed and does not block a new
// import. Runs on SQLite and PostgreSQL (TEST_ENGINE=postgres).
import { spawnSync } from "node:child_process";
import os from "node:os";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getAnkiImportJob, IMPORT_STOPPED_MESSAGE, latestAnkiImportJob, startAnkiImport, type AnkiImportJob } from "@/lib/dal/anki-import";
import { processOwner } from "@/lib/process-owner";
import { makeUser } from "../support/factories";
import { buildApkg } from "../support/anki-package";
import { inOtherProcess } from "../support/other-process";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

async function settled(userId: string, id: string): Promise<AnkiImportJob | null> {
  let job = await getAnkiImportJob(userId, id);
  for (let i = 0; i < 600 && job && job.phase !== "done" && job.phase !== "failed"; i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = await getAnkiImportJob(userId, id);
  }
  return job;
}

/** The owner string of a process of this host that has exited. */
function deadOwner(): string {
  const child = spawnSync(process.execPath, ["-e", ""]);
  const [host, , start] = processOwner().split("/");
  return `${host}/${child.pid}/${start}`;
}

async function runningRow(userId: string, owner: string, heartbeatAt = new Date()) {
  return db.ankiImportJob.create({
    data: { id: `job-${userId}`, userId, runningUserId: userId, fileName: "big.colpkg", phase: "saving", progress: 0.7, owner, startedAt: heartbeatAt, heartbeatAt },
  });
}

describe("Anki import jobs across processes", () => {
  it("another process sees the job, its outcome and the learner's latest import; not another learner's", async () => {
    const kim = await makeUser("kim");
    const lou = await makeUser("lou");
    const started = await startAnkiImport(kim, "deck.apkg", buildApkg([{ mid: "basic", fields: ["q", "a"] }]));
    if (!started.ok) throw new Error("not started");
    const id = started.job.id;
    expect((await settled(kim, id))?.phase).toBe("done");
    const there = await inOtherProcess<AnkiImportJob | null>("getAnkiImportJob", [kim, id]);
    expect(there).toMatchObject({ id, fileName: "deck.apkg", phase: "done", progress: 1, error: null });
    expect(there?.summary?.notes).toBe(1);
    expect((await inOtherProcess<AnkiImportJob | null>("latestAnkiImportJob", [kim]))?.id).toBe(id);
    expect(await inOtherProcess("getAnkiImportJob", [lou, id])).toBeNull();
  });

  it("a running job of a process that is gone is reported failed, and a new import may start", async () => {
    const max = await makeUser("max");
    const row = await runningRow(max, deadOwner());
    expect(await getAnkiImportJob(max, row.id)).toMatchObject({ phase: "failed", error: IMPORT_STOPPED_MESSAGE });
    expect(await latestAnkiImportJob(max)).toMatchObject({ id: row.id, phase: "failed" });
    const started = await startAnkiImport(max, "deck.apkg", buildApkg([{ mid: "basic", fields: ["q", "a"] }]));
    expect(started.ok).toBe(true);
    const old = await db.ankiImportJob.findUniqueOrThrow({ where: { id: row.id } });
    expect(old).toMatchObject({ runningUserId: null, phase: "failed", error: IMPORT_STOPPED_MESSAGE });
    if (started.ok) expect((await settled(max, started.job.id))?.phase).toBe("done");
  });

  it("a running job of a live process blocks a second import of the same learner, whichever process it runs in", async () => {
    const ned = await makeUser("ned");
    const row = await runningRow(ned, processOwner());
    const second = await startAnkiImport(ned, "again.apkg", buildApkg([{ mid: "basic", fields: ["q", "a"] }]));
    expect(second).toMatchObject({ ok: false, running: { id: row.id, phase: "saving" } });
    expect(await inOtherProcess("getAnkiImportJob", [ned, row.id])).toMatchObject({ phase: "saving", progress: 0.7 });
  });

  it("another host's running job is trusted while its heartbeat is recent, and failed once it stopped", async () => {
    const oli = await makeUser("oli");
    const pia = await makeUser("pia");
    const other = `not-${os.hostname()}/4242/1`;
    const fresh = await runningRow(oli, other);
    expect(await getAnkiImportJob(oli, fresh.id)).toMatchObject({ phase: "saving", error: null });
    const silent = await runningRow(pia, other, new Date(Date.now() - 5 * 60_000));
    expect(await getAnkiImportJob(pia, silent.id)).toMatchObject({ phase: "failed", error: IMPORT_STOPPED_MESSAGE });
  });
});
