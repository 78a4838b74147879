-- Issue 12, the centre's side: a receipt names its batch by the header's payload hash, and a refused batch carries its reason.
ALTER TABLE `exchange_sent` ADD `payload_sha256` text;--> statement-breakpoint
ALTER TABLE `exchange_sent` ADD `receipt_reason` text;