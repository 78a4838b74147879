/** The home page's words (zh-CN-home.ts says what they are); part of the English catalogue. */
export const enHome = {
  home: {
    title: 'Home',
    org: 'Organisation',
    mode: 'Mode',
    user: 'Signed in as',
    userValue: '{name} ({username})',
    role: 'Role',
    lastSignIn: 'Signed in at',
    canDo: 'What you can do',
    everyone: 'Change your own password; lock the screen when you leave your desk (it also locks after {minutes} idle minutes).',
    todoTitle: "Today's work",
    today: 'Today is {date}',
    noTodo: 'Your role has no to-dos.',
    cards: { entry: 'Files and visits', decisions: 'Notices, approvals and reviews', centres: 'Help centres', office: 'System and policy' },
    todos: {
      myDrafts: 'My drafts',
      drafts: 'All drafts',
      awaitingVisit: 'No valid home visit yet',
      visitExpired: 'Home visit expired',
      noticeEnding: 'Notice ending soon',
      noticeEnded: 'Notice period over',
      approval: 'Waiting for approval',
      annualReview: 'Reviews to decide',
      reviewDue: 'Review due',
      objectionOpen: 'Objections to decide',
      inProgress: 'Files in progress',
      importsWaiting: 'Old-files imports waiting for a second person',
      auditAlarms: 'Audit alarms not acknowledged',
      backupOverdue: 'Days since the last backup',
      noBackup: 'No backup yet',
      policyMissing: 'Policy numbers not set',
      centresOverdue: 'Centres overdue with their batch',
      batchAlarms: 'Batch alarms not looked into',
      duplicateFiles: 'People on file at two or more centres',
    },
    todoCount: '{label}: {count}',
  },
  roleAbilities: {
    admin:
      "Create and disable users, reset passwords\nChange the organisation settings and the idle lock time\nSet the policy numbers (low-income line, notice period, visit validity, review interval) and the working calendar\nBack up data and restore from a backup\nRead the audit log and verify that its chain is intact\nExport the bank's transfer list, exchange key cards\nMember roster, employers and unions, hardship files, aid: everything a reviewer can do",
    reviewer:
      'See this office and your own account\nFind, add and edit members, change their status\nTidy up employers and grassroots unions (rename, merge)\nFiles, home visits, notices: everything a clerk can do\nApprove files, decide annual reviews, confirm old-files imports (never your own)\nSet up and close aid programs, approve and void aid payments (never your own entries)',
    clerk:
      'See this office and your own account\nFind, add and edit members, change their status\nTidy up employers and grassroots unions (rename, merge)\nOpen hardship files, record home visits, submit and post notices, import old files\nEnter aid payments and batches, print vouchers and payment sheets, register payments as paid',
    viewer: 'See this office and your own account, without changing anything\nFind and read the member roster and the hardship files',
  },
  fedRoleAbilities: {
    admin:
      "Create and disable users, reset passwords\nChange the organisation settings and the idle lock time\nSet the policy numbers (the centres' overdue days among them)\nBack up data and restore from a backup\nRead the audit log and verify that its chain is intact\nExchange key cards, mark batch alarms as looked into\nReceived batches, centres, duplicate checks: everything a clerk can do",
    reviewer:
      "See this office and your own account\nImport the centres' batches, download receipts\nRead the files, payments and rosters the centres sent, and the duplicate checks",
    clerk:
      "See this office and your own account\nImport the centres' batches, download receipts\nRead the files, payments and rosters the centres sent, and the duplicate checks",
    viewer:
      'See this office and your own account, without changing anything\nRead the files, payments and rosters the centres sent, and the duplicate checks',
  },
};
