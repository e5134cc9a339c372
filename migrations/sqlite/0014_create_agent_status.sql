-- Where each agent is (available, on a call, in wrap-up, on a break, offline), and every change
-- with what caused it: the supervisor's board reads the first, reports the second.
CREATE TABLE agent_status (
    agent_id BIGINT PRIMARY KEY,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    since BIGINT NOT NULL
);
CREATE TABLE agent_status_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    cause TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX agent_status_events_agent ON agent_status_events (agent_id, at);
