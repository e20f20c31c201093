import Storage

/// The numbered migrations of the `ticketing` component.
public enum TicketSchema {
    public static let component = "ticketing"

    public static let migrations: [Migration] = [
        Migration(
            version: 1, name: "tickets, activities, attachments, staff",
            sql: """
                CREATE TABLE ticket_counter (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    next_number INTEGER NOT NULL
                );
                CREATE TABLE staff (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level IN (1, 2)),
                    active INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE tickets (
                    number INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    company_name TEXT,
                    business_form TEXT,
                    reporter_role TEXT,
                    tax_or_staff_id TEXT,
                    tender_code TEXT,
                    director_phone TEXT,
                    reporter_wa_id TEXT NOT NULL,
                    reporter_name TEXT NOT NULL,
                    source TEXT NOT NULL,
                    type TEXT,
                    category TEXT,
                    priority TEXT,
                    application_version TEXT,
                    level INTEGER NOT NULL CHECK (level IN (1, 2)),
                    assignee TEXT,
                    status TEXT NOT NULL,
                    status_level INTEGER,
                    closure TEXT,
                    is_open INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    first_response_at INTEGER,
                    resolved_at INTEGER,
                    resolved_by TEXT,
                    closed_at INTEGER,
                    closed_by TEXT,
                    due_at INTEGER NOT NULL,
                    sla_paused_at INTEGER,
                    sla_remaining_seconds INTEGER,
                    resolved_within_sla INTEGER,
                    auto_close_at INTEGER
                );
                CREATE INDEX tickets_reporter ON tickets (reporter_wa_id, number);
                CREATE INDEX tickets_status_due ON tickets (status, due_at, number);
                CREATE INDEX tickets_open_due ON tickets (is_open, due_at, number);
                CREATE INDEX tickets_open_level_due ON tickets (is_open, level, due_at, number);
                CREATE INDEX tickets_assignee_due ON tickets (assignee, is_open, due_at, number);
                CREATE INDEX tickets_created ON tickets (created_at);
                CREATE INDEX tickets_auto_close ON tickets (auto_close_at) WHERE auto_close_at IS NOT NULL;
                CREATE TABLE ticket_activities (
                    ticket_number INTEGER NOT NULL REFERENCES tickets (number) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    at INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    actor_role TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    actor_name TEXT NOT NULL,
                    direction TEXT NOT NULL,
                    body TEXT,
                    PRIMARY KEY (ticket_number, seq)
                ) WITHOUT ROWID;
                CREATE TABLE ticket_attachments (
                    id INTEGER PRIMARY KEY,
                    ticket_number INTEGER NOT NULL REFERENCES tickets (number) ON DELETE CASCADE,
                    sha256 TEXT NOT NULL,
                    original_name TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    mime_type TEXT NOT NULL,
                    sender_role TEXT NOT NULL,
                    sender_id TEXT NOT NULL,
                    sender_name TEXT NOT NULL,
                    received_at INTEGER NOT NULL,
                    storage_path TEXT NOT NULL,
                    UNIQUE (ticket_number, sha256)
                );
                """),
        Migration(
            version: 2, name: "surveys and verification bookings",
            sql: """
                CREATE TABLE survey_responses (
                    ticket_number INTEGER PRIMARY KEY REFERENCES tickets (number) ON DELETE CASCADE,
                    submitted_at INTEGER NOT NULL,
                    comment TEXT
                );
                CREATE INDEX survey_responses_submitted ON survey_responses (submitted_at);
                CREATE TABLE survey_answers (
                    ticket_number INTEGER NOT NULL REFERENCES survey_responses (ticket_number) ON DELETE CASCADE,
                    question_id TEXT NOT NULL,
                    value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 4),
                    PRIMARY KEY (ticket_number, question_id)
                ) WITHOUT ROWID;
                CREATE TABLE verification_bookings (
                    slot_start INTEGER NOT NULL,
                    seat INTEGER NOT NULL CHECK (seat >= 0),
                    ticket_number INTEGER NOT NULL UNIQUE REFERENCES tickets (number) ON DELETE CASCADE,
                    booked_at INTEGER NOT NULL,
                    PRIMARY KEY (slot_start, seat)
                );
                """),
        Migration(
            version: 3, name: "document retention",
            sql: """
                ALTER TABLE ticket_attachments ADD COLUMN purged_at INTEGER;
                CREATE INDEX ticket_attachments_retained ON ticket_attachments (sha256) WHERE purged_at IS NULL;
                """),
        Migration(
            version: 4, name: "verification calls with holds, moves and outcomes",
            sql: """
                -- One row per booking. A slot's seat is held by at most one live row (held or booked) and a
                -- ticket has at most one booking and one hold (a move in progress): the database, not only
                -- the code, makes double-booking impossible.
                CREATE TABLE verification_calls (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_number INTEGER NOT NULL REFERENCES tickets (number) ON DELETE CASCADE,
                    slot_start INTEGER NOT NULL,
                    seat INTEGER NOT NULL CHECK (seat >= 0),
                    state TEXT NOT NULL CHECK (state IN ('held', 'booked', 'cancelled', 'done', 'no_show')),
                    hold_until INTEGER,
                    sequence INTEGER NOT NULL DEFAULT 0,
                    note TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX verification_calls_seat ON verification_calls (slot_start, seat)
                    WHERE state IN ('held', 'booked');
                CREATE UNIQUE INDEX verification_calls_booked ON verification_calls (ticket_number)
                    WHERE state = 'booked';
                CREATE UNIQUE INDEX verification_calls_held ON verification_calls (ticket_number)
                    WHERE state = 'held';
                CREATE INDEX verification_calls_start ON verification_calls (slot_start);
                INSERT INTO verification_calls (ticket_number, slot_start, seat, state, created_at, updated_at)
                    SELECT ticket_number, slot_start, seat, 'booked', booked_at, booked_at FROM verification_bookings;
                DROP TABLE verification_bookings;
                -- Registration tickets whose documents staff found complete: their reporter may book a call.
                CREATE TABLE verification_tickets (
                    ticket_number INTEGER PRIMARY KEY REFERENCES tickets (number) ON DELETE CASCADE,
                    ready_at INTEGER NOT NULL,
                    no_shows INTEGER NOT NULL DEFAULT 0,
                    verified_at INTEGER,
                    -- Set after too many no-shows: staff follow up, and the provider is offered nothing until
                    -- documents are marked complete again.
                    paused INTEGER NOT NULL DEFAULT 0
                );
                -- What staff are told without asking: the verification agenda of each working day at 08:00.
                CREATE TABLE staff_notices (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    UNIQUE (kind, day)
                );
                -- Every activity in arrival order, for the console's live stream: its id is what a browser resumes
                -- from after a dropped connection (Last-Event-ID).
                CREATE TABLE ticket_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_number INTEGER NOT NULL,
                    kind TEXT NOT NULL
                );
                CREATE TRIGGER ticket_events_activity AFTER INSERT ON ticket_activities
                BEGIN
                    INSERT INTO ticket_events (ticket_number, kind) VALUES (NEW.ticket_number, NEW.kind);
                END;
                CREATE TABLE staff_calendar_tokens (
                    staff_id TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
                    token_sha256 TEXT NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL
                );
                """),
        Migration(
            version: 5, name: "reports from an index",
            sql: """
                -- A period's reports read these columns of the tickets created in it, and nothing else
                -- (`TicketReports.summary` and `timing`): read from this index, a month of a year's data is a third
                -- of the pages its rows fill, which is most of a report's time when the file is not in memory.
                -- It leads with created_at, so it also serves what tickets_created served.
                CREATE INDEX tickets_report ON tickets (
                    created_at, status, type, category, title, application_version, level, resolved_within_sla,
                    is_open, sla_paused_at, due_at, first_response_at, resolved_at);
                DROP INDEX tickets_created;
                """),
        Migration(
            version: 6, name: "queue pages and a contact's open tickets from one index each",
            sql: """
                -- A staff queue filters by status or openness, an assignee and a level, in any combination, and
                -- reads in due order (`SQLiteTicketTransaction.queueStatement`). Each combination is the leading
                -- columns of one of these indexes, followed by the level and the order: a page seeks to its
                -- first ticket and reads fifty, or merges the two levels' runs when it names no level. Before,
                -- a status with a level or an assignee read the status's index and skipped every ticket of other
                -- levels or assignees: after a year, hundreds of thousands of closed tickets for a page with
                -- none to show. With tickets_open_level_due, they replace the three indexes without the level,
                -- so a new ticket still writes seven index entries.
                CREATE INDEX tickets_status_level_due ON tickets (status, level, due_at, number);
                CREATE INDEX tickets_assignee_open_level_due ON tickets (assignee, is_open, level, due_at, number);
                CREATE INDEX tickets_assignee_status_level_due ON tickets (assignee, status, level, due_at, number);
                DROP INDEX tickets_status_due;
                DROP INDEX tickets_open_due;
                DROP INDEX tickets_assignee_due;
                -- Every message a provider sends reads their open tickets (`contactTicketsStatement`). From
                -- tickets_reporter it read each of their tickets to find the open ones: a provider with two
                -- thousand closed tickets paid about 4 ms a message. Queries by reporter alone use its leading
                -- column, and the whole history merges the open and the closed runs, each newest first.
                CREATE INDEX tickets_reporter_open ON tickets (reporter_wa_id, is_open, number);
                DROP INDEX tickets_reporter;
                """),
    ]

    public static let migrator = Migrator(component: component, migrations: migrations)
}
