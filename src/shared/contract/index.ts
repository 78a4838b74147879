import type { z } from 'zod';
import { aidChannels } from './aid';
import { aidBatchChannels } from './aid-batch';
import { auditChannels } from './audit';
import { authChannels } from './auth';
import { backupChannels } from './backup';
import { compareChannels } from './compare';
import { dashboardChannels } from './dashboard';
import { exchangeChannels } from './exchange';
import { exchangeExportChannels } from './exchange-export';
import { exchangeImportChannels } from './exchange-import';
import { federationChannels } from './federation';
import { hardshipChannels } from './hardship';
import { homeChannels } from './home';
import { orgChannels } from './org';
import { policyChannels } from './policy';
import { policyFileChannels } from './policy-file';
import { reportsChannels } from './reports';
import { reportsExportChannels } from './reports-export';
import { rosterChannels } from './roster';
import { rosterImportChannels } from './roster-import';
import { systemChannels } from './system';
import { usersChannels } from './users';

/** Every channel the renderer may call. The preload allowlist, the router and the client derive from this. */
export const contract = {
  ...systemChannels,
  ...authChannels,
  ...usersChannels,
  ...orgChannels,
  ...backupChannels,
  ...auditChannels,
  ...rosterChannels,
  ...rosterImportChannels,
  ...policyChannels,
  ...policyFileChannels,
  ...hardshipChannels,
  ...homeChannels,
  ...dashboardChannels,
  ...aidChannels,
  ...aidBatchChannels,
  ...exchangeChannels,
  ...exchangeExportChannels,
  ...exchangeImportChannels,
  ...federationChannels,
  ...reportsChannels,
  ...reportsExportChannels,
  ...compareChannels,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
/** A channel's input as its handler receives it: parsed, defaults filled in. */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
/** Channels that run as jobs, and what their job.finished result carries. */
export type JobChannelName = { [C in ChannelName]: Contract[C] extends { result: z.ZodType } ? C : never }[ChannelName];
export type JobResult<C extends JobChannelName> = Contract[C] extends { result: infer R extends z.ZodType } ? z.output<R> : never;

export function isJobChannel(name: ChannelName): name is JobChannelName {
  return 'result' in contract[name];
}

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './define';
export type { CoreEvent } from './events';
