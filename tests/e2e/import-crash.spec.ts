import { idCheckChar } from '@shared/domain/id-number';
import { ADMIN, CREDIT_CODE, ORG_NAME, rpc } from './support';
import { expect, test } from './fixtures';

/** A synthetic roster of `n` members (valid, distinct ID numbers; never real people). */
function rosterCsv(n: number): string {
  const lines = ['姓名,身份证号码,手机号码,工作单位'];
  for (let i = 0; i < n; i++) {
    const first17 = `440106${1950 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(Math.floor(i / 336) % 1000).padStart(3, '0')}`;
    lines.push(`合成会员${i},${first17}${idCheckChar(first17)},,合成单位${i % 9}`);
  }
  return lines.join('\r\n');
}

/** Waits on the host's event stream for the first progress of a job (the import's transaction is open then). */
async function firstProgress(origin: string, token: string, jobId: string): Promise<void> {
  const response = await fetch(`${origin}/events?token=${token}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream ended');
    buffered += decoder.decode(value, { stream: true });
    for (const line of buffered.split('\n')) {
      if (!line.startsWith('data: ')) continue;
      const event = JSON.parse(line.slice(6)) as { type: string; jobId?: string; done?: number };
      if (event.type === 'job.progress' && event.jobId === jobId && (event.done ?? 0) > 0) {
        await reader.cancel();
        return;
      }
    }
    buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
  }
}

test('killing the program in the middle of an import leaves the roster as it was', async ({ host }) => {
  await rpc(host.origin, host.token, 'system.setup', {
    org: { name: ORG_NAME, creditCode: CREDIT_CODE, regionCode: '440106', mode: 'centre' },
    admin: ADMIN,
  });
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await rpc(host.origin, host.token, 'roster.create', {
    name: '原有会员',
    idNumber: `11010119700101201${idCheckChar('11010119700101201')}`,
  });

  const upload = await fetch(`${host.origin}/upload`, {
    method: 'POST',
    headers: { 'X-Bangfu-Token': host.token, 'X-File-Name': encodeURIComponent('大名册.csv') },
    body: rosterCsv(60_000),
  });
  const { data: file } = (await upload.json()) as { data: { uploadId: string; name: string } };
  const inspected = (await rpc(host.origin, host.token, 'rosterImport.inspect', { uploadId: file.uploadId, fileName: file.name })) as {
    suggested: Record<string, number>;
  };
  const started = (await rpc(host.origin, host.token, 'rosterImport.commit', {
    uploadId: file.uploadId,
    fileName: file.name,
    mapping: inspected.suggested,
    policy: 'skip',
  })) as { jobId: string };
  await firstProgress(host.origin, host.token, started.jobId);
  await host.crash();

  await host.restart();
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const roster = (await rpc(host.origin, host.token, 'roster.search', { pageSize: 5 })) as { total: number; members: { name: string }[] };
  expect(roster.total).toBe(1);
  expect(roster.members.map((m) => m.name)).toEqual(['原有会员']);
  expect(((await rpc(host.origin, host.token, 'rosterImport.history', {})) as { imports: unknown[] }).imports).toEqual([]);
  expect(((await rpc(host.origin, host.token, 'audit.verify', {})) as { ok: boolean }).ok).toBe(true);
});
