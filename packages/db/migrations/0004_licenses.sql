-- Approval decisions keep their own reason: the requester's reason stays in `reason`, the decider's
-- (why a transfer was rejected or approved) goes here, so neither overwrites the other.
ALTER TABLE approval_requests ADD COLUMN decision_reason text;
