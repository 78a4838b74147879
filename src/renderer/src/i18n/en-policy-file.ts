import type { zhCNPolicyFile, zhCNPolicyFileCodeEntries } from './zh-CN-policy-file';

/** English for the policy file's texts and entries (see zh-CN-policy-file.ts). */
export const enPolicyFile: typeof zhCNPolicyFile = {
  policyFile: {
    export: 'Export policy file',
    exportTitle: 'Export a policy file (for the help centres)',
    exportHint:
      'The file is signed by this office and not encrypted (policy is public). Centres add it as new dated values; their own values are not changed.',
    keys: 'Policy values to send',
    keysHint: 'Every value of the chosen keys that is not voided (including future ones) is sent.',
    programYear: 'Also send the aid programs of the year',
    programYearHint: 'This office’s open programs of that year (type, fund source, standard), without budgets.',
    programYearOption: '{year} ({count} open programs)',
    noPrograms: 'Send no programs',
    noOpenPrograms: 'This office has no open aid programs: this file sends policy values only.',
    needSomething: 'policy values or programs to send',
    exportDo: 'Create and save',
    exported: 'Policy file no. {issue} exported: {values} values, {programs} programs',
    import: 'Import policy file',
    previewTitle: 'Import policy file: {name} no. {issue}',
    previewIntro:
      'Issued by the federation “{name}” ({code}) on {createdAt}. New values and programs are added; a value this centre already has for the same key, region and date stays as it is and is skipped.',
    repeat: 'This file (no. {issue}) was imported before; importing it again changes nothing.',
    values: 'Policy values',
    programs: 'Aid programs',
    stateNew: 'New',
    stateExists: 'Already here, skipped',
    stateVoided: 'Voided here, skipped',
    nothingNew: 'This centre already has everything in the file; the import only records that it was taken in.',
    importDo: 'Import',
    imported: 'Policy file no. {issue} imported: {values} values and {programs} programs added, {skipped} skipped',
    fromFederation: 'From federation',
    fromFederationIssue: 'Federation policy file no. {issue}',
    programName: 'Program',
    programType: 'Type',
    programYearShort: 'Year',
    fundSource: 'Fund source',
  },
};

export const enPolicyFileCodeEntries: typeof zhCNPolicyFileCodeEntries = {
  errors: {
    POLICY_FILE_FEDERATION_ONLY: 'Only a federation exports policy files; a help centre imports them from its federation.',
    POLICY_FILE_CENTRE_ONLY: 'Only a help centre imports policy files; this office is a federation and exports them.',
    POLICY_FILE_NO_FEDERATION:
      'No federation key card is trusted yet, so the policy file cannot be checked. Import the federation’s key card under Exchange keys and confirm its fingerprint by phone.',
    POLICY_FILE_NOTHING_CHOSEN:
      'The chosen keys have no values in force and the chosen year has no open programs, so no file was made. Choose more keys or a year with programs.',
    POLICY_FILE_NOT_A_FILE:
      'This is not a Bangfu Desk policy file (.bfp); nothing was imported. Choose the policy file the federation exported.',
    POLICY_FILE_NEWER: 'This policy file comes from a newer version of Bangfu Desk; nothing was imported. Upgrade this program first.',
    POLICY_FILE_TRUNCATED: 'The policy file is incomplete (a copy cut short); nothing was imported. Copy it again and import the new copy.',
    POLICY_FILE_ALTERED:
      'The policy file’s signature does not match: it was changed or damaged; nothing was imported. Ask the federation to export it again.',
    POLICY_FILE_UNTRUSTED:
      'The policy file is not signed with the federation key this centre confirmed; nothing was imported. If the federation changed its keys, import its new key card and confirm the fingerprint by phone.',
    POLICY_FILE_OTHER_FEDERATION:
      'The policy file comes from another office (code {code}), not this centre’s federation; nothing was imported.',
    POLICY_FILE_OLDER_ISSUE:
      'This is policy file no. {issue}; this centre already imported the newer no. {last}, so the older one is not imported.',
    POLICY_FILE_BAD_CONTENT:
      'The policy file is signed correctly, but a value is out of its range or a program’s standard is incomplete; nothing was imported. Ask the federation to check and export it again.',
  },
  actions: {
    'policyFile.export': 'Export policy file',
    'policyFile.preview': 'View policy file',
    'policyFile.import': 'Import policy file',
  },
  auditEvents: {
    'policyFile.exported': 'Policy file no. {issue} exported ({values} values, {programs} programs)',
    'policyFile.imported':
      'Policy file no. {issue} of federation {source} imported: {valuesAdded} values and {programsAdded} programs added, {valuesSkipped} values and {programsSkipped} programs skipped',
  },
};
