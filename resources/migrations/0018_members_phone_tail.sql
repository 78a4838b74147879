-- Added by hand (an index on an expression, which the drizzle schema does not describe, as members_id_tail):
-- the roster and the file list find a member by the last 4 digits of their phone, one index range at a million.
CREATE INDEX `members_phone_tail` ON `members` (substr(phone, -4)) WHERE phone IS NOT NULL;
