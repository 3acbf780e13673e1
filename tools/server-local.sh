#!/usr/bin/env bash
# `make server`: the server on this machine with its own PostgreSQL. The cluster lives
# in AYAH_ASI_SERVER_DATA (default /var/lib/ayah-asi-server: the postgres user must reach
# it, which it cannot under /root), made once with initdb as that user (initdb refuses
# root), listening only on a Unix socket in that folder. Migrations, a first puskesmas and
# a first dashboard admin (its password printed once) if there are none, then the server
# on AYAH_ASI_LISTEN (127.0.0.1:8080). Ctrl-C stops the server, then the cluster.
set -euo pipefail

DATA=$(realpath -m "${AYAH_ASI_SERVER_DATA:-/var/lib/ayah-asi-server}")
PG_PORT=${AYAH_ASI_PG_PORT:-55432}
PG_BIN=/usr/lib/postgresql/15/bin
SERVER=${AYAH_ASI_SERVER_BIN:-target/debug/ayah-asi-server}

# From a folder `postgres` may enter (else its tools print "could not change directory").
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

mkdir -p "$DATA"
chown postgres:postgres "$DATA"
if [ ! -f "$DATA/pg/PG_VERSION" ]; then
  echo "Creating the database cluster in $DATA/pg"
  # Text compares as bytes (LC_COLLATE C): the records' ids and families are the keys of
  # every write, and a locale's comparison made a burst of pushes a tenth slower.
  as_postgres "$PG_BIN/initdb" -D "$DATA/pg" -A trust -U postgres --lc-collate=C >/dev/null
fi
if ! as_postgres "$PG_BIN/pg_ctl" -D "$DATA/pg" status >/dev/null 2>&1; then
  as_postgres "$PG_BIN/pg_ctl" -D "$DATA/pg" -o "-p $PG_PORT -k $DATA -c listen_addresses=''" \
    -l "$DATA/postgresql.log" -w start >/dev/null
fi
stop_cluster() { as_postgres "$PG_BIN/pg_ctl" -D "$DATA/pg" -m fast -w stop >/dev/null || true; }
trap stop_cluster EXIT

export AYAH_ASI_DATABASE_URL="host=$DATA port=$PG_PORT user=postgres dbname=postgres"
"$SERVER" migrate
count=$(as_postgres psql -h "$DATA" -p "$PG_PORT" -U postgres -tAc "SELECT count(*) FROM puskesmas")
if [ "$count" = 0 ]; then
  "$SERVER" puskesmas add "Puskesmas"
  cat <<TEXT
A first puskesmas was made. With AYAH_ASI_DATABASE_URL="$AYAH_ASI_DATABASE_URL":
  $SERVER posyandu add Puskesmas Melati       # prints the posyandu's id
  $SERVER cadre add POSYANDU_ID "Bu Rina"     # prints the cadre's id
  $SERVER pairing-code CADRE_ID               # a one-time code for her phone (24 hours)
  $SERVER district add "Kabupaten Sukamaju"   # the district above (Dinas Kesehatan)
  $SERVER puskesmas district Puskesmas "Kabupaten Sukamaju"
TEXT
fi
accounts=$(as_postgres psql -h "$DATA" -p "$PG_PORT" -U postgres -tAc "SELECT count(*) FROM account")
if [ "$accounts" = 0 ]; then
  first=$(as_postgres psql -h "$DATA" -p "$PG_PORT" -U postgres -tAc "SELECT name FROM puskesmas ORDER BY id LIMIT 1")
  password=$(head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | cut -c1-16)
  echo "$password" | "$SERVER" account add "$first" admin admin "Admin" >/dev/null
  cat <<TEXT
The dashboard's first account was made (shown only now; keep it safe):
  open http://${AYAH_ASI_LISTEN:-127.0.0.1:8080}/ and log in as  admin  with password  $password
  more accounts: echo PASSWORD | $SERVER account add "$first" LOGIN ROLE "NAME" [POSYANDU_ID...]
  (ROLE: admin, puskesmas, midwife with her posyandu, or district once the puskesmas is in one)
TEXT
fi
"$SERVER" serve
