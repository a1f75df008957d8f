CREATE TABLE subscriptions (
    id serial PRIMARY KEY,
    active boolean NOT NULL DEFAULT true,
    trial boolean DEFAULT FALSE,
    starts_on date NOT NULL DEFAULT '2024-01-01',
    ends_on date DEFAULT 'infinity',
    billing_time time DEFAULT '09:30',
    cutoff time(0) DEFAULT '23:59:59',
    launched_at timestamp DEFAULT '2024-02-29 12:00:00',
    synced_at timestamptz DEFAULT '2024-03-01 08:00:00+00',
    grace_period interval NOT NULL DEFAULT '14 days',
    retry_every interval DEFAULT '5 minutes',
    renewal interval DEFAULT 'P1M'
);
