#!/bin/bash
# Creates the topics of the system once the broker answers, then exits 0; the services start only
# after that (depends_on: service_completed_successfully). Idempotent (--if-not-exists), so a
# restart of the stack on an existing volume passes straight through. Runs in the apache/kafka image.
# The broker does not create topics on first use (auto.create.topics.enable=false in
# docker-compose.yml), so partition counts are the ones below and a typo is an error.
set -euo pipefail

bootstrap=${KAFKA_BOOTSTRAP_SERVERS:?}
topics=(orders.placed:3 invoices.created:3 orders.placed.dlq:1 invoices.created.dlq:1)
kafka_topics=/opt/kafka/bin/kafka-topics.sh

for attempt in $(seq 1 60); do
  if "$kafka_topics" --bootstrap-server "$bootstrap" --list >/dev/null 2>&1; then
    break
  fi
  if ((attempt == 60)); then
    echo "create-topics: no broker at $bootstrap after 60 attempts" >&2
    exit 1
  fi
  echo "create-topics: waiting for the broker at $bootstrap ($attempt)"
  sleep 2
done

for topic in "${topics[@]}"; do
  "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "${topic%%:*}" --partitions "${topic#*:}" --replication-factor 1
done
"$kafka_topics" --bootstrap-server "$bootstrap" --describe
