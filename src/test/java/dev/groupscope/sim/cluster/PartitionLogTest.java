package dev.groupscope.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionLogTest {

    @Test
    void offsetsCountUpFromZeroAndTheLogEndOffsetIsTheNextOne() {
        PartitionLog log = new PartitionLog();
        assertThat(log.append(10, 0)).isZero();
        assertThat(log.append(20, PartitionLog.NO_KEY)).isEqualTo(1);
        assertThat(log.logEndOffset()).isEqualTo(2);
        assertThat(log.keyIdAt(1)).isEqualTo(PartitionLog.NO_KEY);
    }

    @Test
    void offsetsForTimesFindsTheEarliestRecordAtOrAfterTheTime() {
        PartitionLog log = new PartitionLog();
        long[] times = {100, 200, 200, 300};
        for (long time : times) {
            log.append(time, 0);
        }
        assertThat(log.offsetForTimestamp(50)).isZero();
        assertThat(log.offsetForTimestamp(200)).isEqualTo(1);
        assertThat(log.offsetForTimestamp(201)).isEqualTo(3);
        assertThat(log.offsetForTimestamp(301)).isEqualTo(-1);
    }

    @Test
    void timestampsNeverGoBack() {
        PartitionLog log = new PartitionLog();
        log.append(100, 0);
        assertThatThrownBy(() -> log.append(99, 0)).hasMessageContaining("must not go back");
    }
}
