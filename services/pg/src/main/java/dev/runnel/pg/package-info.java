/**
 * PostgreSQL for Runnel's services, over vertx-pg-client: where the database is ({@link dev.runnel.pg.PgSettings},
 * {@code RUNNEL_PG_URL}), creating it ({@link dev.runnel.pg.Databases}), pools ({@link dev.runnel.pg.PgPools}),
 * versioned schema migrations ({@link dev.runnel.pg.SchemaMigrations}), and a real embedded server for the
 * local launcher and tests ({@link dev.runnel.pg.EmbeddedPg}, {@link dev.runnel.pg.EmbeddedPostgresMain}).
 *
 * <p>Every operation returns a Vert.x {@code Future} and completes on the caller's Vert.x context; nothing
 * here blocks except {@code EmbeddedPg.start/close}. SQL takes values only as {@code $n} parameters; the one
 * identifier that cannot be a parameter (the database name in CREATE DATABASE) is checked against a
 * strict pattern first.
 */
package dev.runnel.pg;
