import { describe, expect, it } from '@jest/globals';
import { createInProcessBus } from '../../app/bus/in-process-bus.js';
import { createJobRegistry } from './job-registry.js';
import { JOB_UPDATED } from './job-sync.js';

async function settled(jobs: ReturnType<typeof createJobRegistry>, id: string) {
  for (;;) {
    const j = jobs.get(id);
    if (j.state === 'done' || j.state === 'failed') return j;
    await new Promise((r) => setImmediate(r));
  }
}

describe('job registry', () => {
  it('runs a job through queued -> running -> done with monotonic progress and its result', async () => {
    const jobs = createJobRegistry();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = jobs.start('nlu.train', async (progress) => {
      progress(0.5);
      progress(0.2); // never goes backwards
      await gate;
      return { activated: true };
    }, 'ERR_NLU_TRAINING_RUNNING');
    expect(job.state).toBe('queued');
    await new Promise((r) => setImmediate(r));
    expect(jobs.get(job.id)).toMatchObject({ state: 'running', progress: 0.5 });
    // One training at a time.
    expect(() => jobs.start('nlu.train', async () => 1, 'ERR_NLU_TRAINING_RUNNING')).toThrow(expect.objectContaining({ code: 'ERR_NLU_TRAINING_RUNNING' }));
    // Other kinds are not blocked.
    expect(jobs.start('other', async () => 1).state).toBe('queued');
    release();
    expect(await settled(jobs, job.id)).toMatchObject({ state: 'done', progress: 1, result: { activated: true } });
    expect(jobs.start('nlu.train', async () => 2, 'ERR_NLU_TRAINING_RUNNING').state).toBe('queued');
  });

  it('records a failure with its message and keeps finished jobs bounded', async () => {
    const jobs = createJobRegistry({ keep: 3 });
    const failed = jobs.start('x', async () => {
      throw new Error('no intent has utterances');
    });
    expect(await settled(jobs, failed.id)).toMatchObject({ state: 'failed', error: 'no intent has utterances' });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(jobs.start('x', async () => i).id);
    while (jobs.list().some((j) => j.state === 'queued' || j.state === 'running')) await new Promise((r) => setImmediate(r));
    expect(jobs.list().length).toBeLessThanOrEqual(3);
    expect(jobs.get(ids[4]!)).toMatchObject({ state: 'done', result: 4 });
    expect(() => jobs.get('nope')).toThrow(expect.objectContaining({ code: 'ERR_JOB_NOT_FOUND' }));
  });

  it('with a bus, another node answers polls for the job and refuses a second training meanwhile', async () => {
    const bus = createInProcessBus();
    const warnings: string[] = [];
    const [a, b] = [createJobRegistry({ bus }), createJobRegistry({ bus, warn: (_o, msg) => warnings.push(msg) })];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = a.start('nlu.train', async (progress) => {
      progress(0.4);
      await gate;
      return { activated: true };
    }, 'ERR_NLU_TRAINING_RUNNING');
    const seenOnB = async (state: string) => {
      while (b.get(job.id).state !== state) await new Promise((r) => setImmediate(r));
    };
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    await seenOnB('running');
    expect(b.get(job.id).progress).toBeCloseTo(0.4);
    expect(() => b.start('nlu.train', async () => 1, 'ERR_NLU_TRAINING_RUNNING')).toThrow(expect.objectContaining({ code: 'ERR_NLU_TRAINING_RUNNING' }));
    release();
    await seenOnB('done');
    expect(b.get(job.id)).toMatchObject({ state: 'done', progress: 1, result: { activated: true } });
    expect(b.list().map((j) => j.id)).toContain(job.id);
    expect(b.start('nlu.train', async () => 2, 'ERR_NLU_TRAINING_RUNNING').state).toBe('queued');
    await bus.publish(JOB_UPDATED, { origin: 'x', job: { id: 'j', state: 'exploded' } });
    while (warnings.length === 0) await new Promise((r) => setImmediate(r));
    expect(warnings[0]).toMatch(/malformed job.updated/);
  });

  it('enqueue coalesces: while one runs, every request gets the same ONE queued follow-up, which runs after it', async () => {
    const jobs = createJobRegistry();
    const order: string[] = [];
    const gates: Record<string, () => void> = {};
    const run = (name: string) => async () => {
      order.push(`${name} start`);
      await new Promise<void>((r) => (gates[name] = r));
      order.push(`${name} end`);
      return name;
    };
    const first = jobs.enqueue('nlu.train', run('first'));
    while (jobs.get(first.id).state !== 'running') await new Promise((r) => setImmediate(r));
    const second = jobs.enqueue('nlu.train', run('second'));
    const third = jobs.enqueue('nlu.train', run('third'));
    expect(second.state).toBe('queued');
    expect(third.id).toBe(second.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(jobs.get(second.id).state).toBe('queued'); // never two at once
    gates.first!();
    while (!gates.second) await new Promise((r) => setImmediate(r));
    expect(jobs.get(second.id).state).toBe('running');
    // A request now queues a new follow-up behind the running second one.
    const fourth = jobs.enqueue('nlu.train', run('fourth'));
    expect(fourth.id).not.toBe(second.id);
    gates.second!();
    while (!gates.fourth) await new Promise((r) => setImmediate(r));
    gates.fourth!();
    expect(await jobs.settled(fourth.id)).toMatchObject({ state: 'done', result: 'fourth' });
    expect(order).toEqual(['first start', 'first end', 'second start', 'second end', 'fourth start', 'fourth end']);
    expect([first, second, fourth].map((j) => jobs.get(j.id).state)).toEqual(['done', 'done', 'done']);
  });

  it('enqueue across nodes: a request on B while A trains queues on B, C joins it, and it starts when A finishes', async () => {
    const bus = createInProcessBus();
    const [a, b, c] = [createJobRegistry({ bus }), createJobRegistry({ bus }), createJobRegistry({ bus })];
    const seen = async (reg: typeof a, id: string, state: string) => {
      while (reg.list().find((j) => j.id === id)?.state !== state) await new Promise((r) => setImmediate(r));
    };
    let releaseA!: () => void;
    const onA = a.enqueue('nlu.train', () => new Promise((r) => (releaseA = () => r('a'))));
    await seen(b, onA.id, 'running');
    let startedOnB = false;
    const onB = b.enqueue('nlu.train', async () => ((startedOnB = true), 'b'));
    expect(onB.state).toBe('queued');
    await seen(c, onB.id, 'queued');
    expect(c.enqueue('nlu.train', async () => 'c').id).toBe(onB.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(startedOnB).toBe(false);
    releaseA();
    expect(await b.settled(onB.id)).toMatchObject({ state: 'done', result: 'b' });
    await seen(c, onB.id, 'done');
  });
});
