-- Orders, their priced lines, the transactional outbox and stored idempotent responses.

CREATE TABLE customer_order (
    id           UUID PRIMARY KEY,
    account_id   VARCHAR(16)    NOT NULL,
    status       VARCHAR(32)    NOT NULL,
    total        NUMERIC(12, 2) NOT NULL,
    currency     CHAR(3)        NOT NULL,
    invoice_id   UUID,
    created_at   TIMESTAMPTZ    NOT NULL,
    invoiced_at  TIMESTAMPTZ
);
CREATE INDEX customer_order_account_idx ON customer_order (account_id);

CREATE TABLE order_line (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    UUID           NOT NULL REFERENCES customer_order (id),
    line_number INT            NOT NULL,
    sku         VARCHAR(16)    NOT NULL,
    quantity    INT            NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(12, 2) NOT NULL,
    line_total  NUMERIC(12, 2) NOT NULL,
    UNIQUE (order_id, line_number)
);

-- Written in the same transaction as the order; the relay publishes rows in id order. The W3C trace
-- context of the request that wrote the row travels with it, so the Kafka hop joins that trace.
CREATE TABLE outbox_event (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic         VARCHAR(128) NOT NULL,
    event_key     VARCHAR(64)  NOT NULL,
    payload       TEXT         NOT NULL,
    traceparent   VARCHAR(55),
    tracestate    VARCHAR(512),
    created_at    TIMESTAMPTZ  NOT NULL,
    published_at  TIMESTAMPTZ,
    leased_until  TIMESTAMPTZ,
    attempts      INT          NOT NULL DEFAULT 0,
    last_error    VARCHAR(512)
);
CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE published_at IS NULL;

CREATE TABLE idempotency_record (
    idempotency_key     VARCHAR(255) PRIMARY KEY,
    request_fingerprint CHAR(64)     NOT NULL,
    order_id            UUID         NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    claimed_at          TIMESTAMPTZ,
    response_status     INT,
    response_type       VARCHAR(64),
    response_body       TEXT,
    completed_at        TIMESTAMPTZ
);
