-- How someone who wants to join a partnership group reaches it without the internet (issue 4, item 10): the
-- group's own postal address and phone number, and an e-mail address. Empty when the group has not given one.

ALTER TABLE partnership_groups ADD COLUMN contact_postal_address TEXT NOT NULL DEFAULT '';
ALTER TABLE partnership_groups ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE partnership_groups ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
