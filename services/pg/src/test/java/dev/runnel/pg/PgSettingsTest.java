package dev.runnel.pg;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgSettingsTest {

    @Test
    void environmentWinsOverConfiguration() {
        PgSettings settings = PgSettings.resolve(Map.of("RUNNEL_PG_URL", "postgresql://postgres@127.0.0.1:1/postgres"),
                Optional.of("postgresql://other@10.0.0.1:2/postgres"), Optional.empty());

        assertThat(settings.serverUrl()).isEqualTo("postgresql://postgres@127.0.0.1:1/postgres");
        assertThat(settings.database()).isEqualTo("runnel");
    }

    @Test
    void configurationIsUsedWithoutEnvironment() {
        PgSettings settings = PgSettings.resolve(Map.of(), Optional.of("postgresql://u:secret@db:5432/postgres?sslmode=disable"),
                Optional.of("offsets"));

        assertThat(settings.databaseUrl()).isEqualTo("postgresql://u:secret@db:5432/offsets?sslmode=disable");
        assertThat(settings.toString()).doesNotContain("secret").contains("u:***@db");
    }

    @Test
    void missingUrlIsReportedWithTheVariableName() {
        assertThatThrownBy(() -> PgSettings.resolve(Map.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(PgConfigurationException.class).hasMessageContaining("RUNNEL_PG_URL");
    }

    @Test
    void jdbcUrlsAndUnsafeDatabaseNamesAreRefused() {
        assertThatThrownBy(() -> new PgSettings("jdbc:postgresql://h:1/db", "runnel"))
                .isInstanceOf(PgConfigurationException.class).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> new PgSettings("postgresql://h:1/postgres", "x\"; DROP DATABASE y"))
                .isInstanceOf(PgConfigurationException.class).hasMessageContaining("Invalid database name");
    }
}
