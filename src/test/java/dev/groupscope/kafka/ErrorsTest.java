package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorsTest {

    @ParameterizedTest
    @EnumSource(Errors.class)
    void everyErrorHasKafkasCodeAndRetriability(Errors ours) {
        org.apache.kafka.common.protocol.Errors kafka = org.apache.kafka.common.protocol.Errors.valueOf(ours.name());
        assertThat(ours.code()).isEqualTo(kafka.code());
        assertThat(ours.retriable()).isEqualTo(kafka.exception() instanceof RetriableException);
    }
}
