import type { Sqlite } from '../core/db/client';
import {
  addCentrePeer,
  addFile,
  addMember,
  addOrg,
  addPayment,
  addReceived,
  addUnit,
  idNumber,
  type CentreRef,
} from './federation-mirror-rows';

/**
 * DEVELOPMENT TOOL: two synthetic centres (never real people) in a federation's database, as if their batches had
 * been imported, for the demo (`npm run seed:demo -- --federation`) and tests/e2e/federation-views.spec.ts:
 * 东城 sent a batch 3 days before `now`, 西城 40 days before (overdue) after a key change; 张建国 is filed in both
 * and paid by both this year, so 重复核查 lists him twice.
 */
export const DEMO_CENTRES = {
  dongcheng: { code: '81110101MA0000001A', origin: '0193c000-0000-7000-8000-00000000000a', name: '东城区职工帮扶中心' },
  xicheng: { code: '81110102MA0000002B', origin: '0193c000-0000-7000-8000-00000000000b', name: '西城区职工帮扶中心' },
};
export const DEMO_PERSON = { name: '张建国', idNumber: idNumber('11010119700101001') };

const uid = (n: number) => `0193d000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export function writeFederationDemo(sqlite: Sqlite, now: Date): void {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const year = Number(ago(0).slice(0, 4));
  const d = DEMO_CENTRES.dongcheng;
  const x = DEMO_CENTRES.xicheng;
  const dc: CentreRef = d;
  const xc: CentreRef = x;
  sqlite.transaction(() => {
    const dPeer = addCentrePeer(sqlite, {
      code: d.code,
      name: d.name,
      region: '110101',
      status: 'trusted',
      importedAt: ago(120),
      confirmedAt: ago(120),
    });
    addReceived(sqlite, { centreCode: d.code, sequence: 1, peerId: dPeer, createdAt: ago(60), importedAt: ago(59) });
    addReceived(sqlite, { centreCode: d.code, sequence: 2, peerId: dPeer, createdAt: ago(4), importedAt: ago(3) });
    const xOld = addCentrePeer(sqlite, {
      code: x.code,
      name: x.name,
      region: '110102',
      status: 'replaced',
      importedAt: ago(200),
      confirmedAt: ago(200),
      endedAt: ago(30),
    });
    addCentrePeer(sqlite, {
      code: x.code,
      name: x.name,
      region: '110102',
      status: 'trusted',
      change: 'signed',
      replacesId: xOld,
      importedAt: ago(30),
      confirmedAt: ago(30),
    });
    addReceived(sqlite, { centreCode: x.code, sequence: 1, peerId: xOld, createdAt: ago(41), importedAt: ago(40) });

    addOrg(sqlite, dc, { name: d.name, regionCode: '110101', updatedAt: ago(120) });
    addOrg(sqlite, xc, { name: x.name, regionCode: '110102', updatedAt: ago(200) });
    addFile(sqlite, dc, {
      id: uid(1),
      updatedAt: ago(10),
      fileNo: `110101${year}00001`,
      status: 'active',
      category: 'deep',
      mainCause: '6',
      headName: DEMO_PERSON.name,
      headIdNumber: DEMO_PERSON.idNumber,
      household: [
        { name: DEMO_PERSON.name, idNumber: DEMO_PERSON.idNumber, relation: 'self' },
        { name: '张小明', idNumber: idNumber('11010120100303002'), relation: 'child' },
      ],
      visits: [{ kind: 'sixClears', date: ago(20).slice(0, 10), visitors: ['李敏', '王强'], allClear: true }],
      events: [{ at: ago(15), action: 'approve', fromStatus: 'approval', toStatus: 'active' }],
    });
    addFile(sqlite, dc, {
      id: uid(2),
      updatedAt: ago(9),
      fileNo: `110101${year}00002`,
      status: 'active',
      category: 'relative',
      mainCause: '3',
      headName: '李秀英',
      headIdNumber: idNumber('11010119650505003'),
      household: [
        { name: '李秀英', idNumber: idNumber('11010119650505003'), relation: 'self' },
        { name: '王志强', idNumber: idNumber('11010119630808004'), relation: 'spouse' },
      ],
      events: [{ at: ago(20), action: 'approve', fromStatus: 'approval', toStatus: 'active' }],
    });
    addFile(sqlite, xc, {
      id: uid(3),
      updatedAt: ago(41),
      fileNo: `110102${year}00001`,
      status: 'active',
      category: 'deep',
      mainCause: '6',
      headName: DEMO_PERSON.name,
      headIdNumber: DEMO_PERSON.idNumber,
      household: [{ name: DEMO_PERSON.name, idNumber: DEMO_PERSON.idNumber, relation: 'self' }],
      events: [{ at: ago(50), action: 'approve', fromStatus: 'approval', toStatus: 'active' }],
    });
    addPayment(sqlite, dc, {
      id: uid(11),
      updatedAt: ago(5),
      year,
      type: 'living',
      status: 'paid',
      recipientName: DEMO_PERSON.name,
      recipientIdNumber: DEMO_PERSON.idNumber,
      amountFen: 80_000,
      fileId: uid(1),
      enteredAt: ago(8),
      paidOn: ago(5).slice(0, 10),
    });
    addPayment(sqlite, xc, {
      id: uid(12),
      updatedAt: ago(41),
      year,
      type: 'festival',
      status: 'paid',
      recipientName: DEMO_PERSON.name,
      recipientIdNumber: DEMO_PERSON.idNumber,
      amountFen: 50_000,
      fileId: uid(3),
      enteredAt: ago(45),
      paidOn: ago(44).slice(0, 10),
    });
    addUnit(sqlite, dc, { id: uid(21), updatedAt: ago(60), name: '北京第一机床厂' });
    addMember(sqlite, dc, {
      id: uid(31),
      updatedAt: ago(60),
      name: DEMO_PERSON.name,
      idNumber: DEMO_PERSON.idNumber,
      unitId: uid(21),
      joinedOn: '1995-07-01',
    });
    addMember(sqlite, dc, { id: uid(32), updatedAt: ago(60), name: '李秀英', idNumber: idNumber('11010119650505003'), unitId: uid(21) });
  })();
}
