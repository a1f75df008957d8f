CREATE TABLE subscription_renewal_notification_preferences_per_workspace (
    workspace_id bigint NOT NULL,
    preferred_notification_channel_for_renewal_reminders text NOT NULL
);
