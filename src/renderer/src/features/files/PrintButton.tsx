import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { ChannelInput, FileRef, JobChannelName, JobResult } from '@shared/contract';
import { bridge } from '../../api/client';
import { useJob } from '../../api/jobs';
import { notifyError } from '../../components/notify';
import { shortcut as shortcutAttributes } from '../../components/shortcuts';

/** Every job that answers with a document to open (the files' forms, aid's vouchers, certificates and cards). */
type PrintChannel = { [C in JobChannelName]: JobResult<C> extends FileRef ? C : never }[JobChannelName];

/** Makes one of a file's documents and opens it in the system viewer (a new tab in the browser) to print. */
export function PrintButton<C extends PrintChannel>({
  channel,
  input,
  label,
  size,
  shortcut,
  onPrinted,
}: {
  channel: C;
  input: ChannelInput<C>;
  label: string;
  size?: 'xs' | 'sm';
  /** Ctrl+P prints this document: the page's main one (not a button repeated in every row). */
  shortcut?: boolean;
  /** After the document was made (a print count to read again, say). */
  onPrinted?: () => void;
}) {
  const job = useJob(channel);
  const print = async () => {
    const result = await job.run(input);
    // Every print channel answers with a file reference (the contract's fileRef).
    if (result.ok) {
      onPrinted?.();
      await bridge.openFile(result.data as FileRef).catch(() => undefined);
    } else if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
  };
  return (
    <Button
      variant="default"
      size={size}
      leftSection={<IconPrinter size={16} />}
      loading={job.running}
      onClick={() => void print()}
      {...(shortcut ? shortcutAttributes('print') : {})}
    >
      {label}
    </Button>
  );
}
