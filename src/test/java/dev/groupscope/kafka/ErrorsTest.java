package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorsTest {

    @ParameterizedTest
    @EnumSource(Errors.class)
    void everyErrorHasKafkasCodeAndRetriability(Errors ours) {
        org.apache.kafka.common.protocol.Errors kafkas = org.apache.kafka.common.protocol.Errors.valueOf(ours.name());

        assertThat(ours.code()).isEqualTo(kafkas.code());
        assertThat(ours.retriable()).isEqualTo(kafkas.exception() instanceof RetriableException);
        assertThat(ours.exceptionName()).isEqualTo(kafkas.exception() == null ? null
                : kafkas.exception().getClass().getSimpleName());
    }

    @ParameterizedTest
    @EnumSource(Errors.class)
    void everyErrorIsExplainedInEnglishAndChinese(Errors error) {
        assertThat(BundleFiles.inBoth(error.messageKey())).as(error.messageKey()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CoordinatorLookup.Reason.class)
    void everyCoordinatorReasonIsExplainedInEnglishAndChinese(CoordinatorLookup.Reason reason) {
        assertThat(BundleFiles.inBoth(reason.messageKey())).as(reason.messageKey()).isTrue();
    }
}
