#!/usr/bin/env bash
# Adds an EF Core migration of the admin database to both migrations sets, SQLite and PostgreSQL (docs/cluster.md,
# docs/adr/0011-*). Usage, from anywhere: bash build/add-migration.sh NameOfTheChange [sqlite|postgres]
# The optional second argument adds it to one set only (e.g. the PostgreSQL counterpart of a merged SQLite one).
set -euo pipefail
name="${1:?usage: build/add-migration.sh NameOfTheChange [sqlite|postgres]}"
only="${2:-both}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

add() { # project, namespace
  dotnet restore "$1" >/dev/null # dotnet-ef reads the project's metadata before it builds
  dotnet ef migrations add "$name" --project "$1" --startup-project "$1" --context EdgeKvDbContext \
    --output-dir Migrations --namespace "$2"
}

case "$only" in
  both|sqlite) add migrations/EdgeKv.Migrations EdgeKv.Migrations ;;&
  both|postgres) add migrations/EdgeKv.Migrations.Postgres EdgeKv.Migrations.Postgres ;;
  sqlite) ;;
  *) echo "unknown set: $only (sqlite or postgres)" >&2; exit 2 ;;
esac
