-- No constraint or index names given: PostgreSQL chooses them, and its
-- choices ("..._pkey", "..._key", "..._fkey", "..._check", "..._idx") are
-- truncated to fit 63 bytes.
CREATE TABLE subscription_renewal_notification_preferences_per_workspace (
    workspace_id bigint NOT NULL PRIMARY KEY,
    preferred_notification_channel_for_renewal_reminders text NOT NULL UNIQUE CHECK (preferred_notification_channel_for_renewal_reminders <> ''),
    fallback_preferred_notification_channel_for_renew text,
    parent_workspace_id bigint REFERENCES subscription_renewal_notification_preferences_per_workspace
);

CREATE INDEX ON subscription_renewal_notification_preferences_per_workspace (preferred_notification_channel_for_renewal_reminders, workspace_id);
CREATE INDEX ON subscription_renewal_notification_preferences_per_workspace (lower(preferred_notification_channel_for_renewal_reminders));
