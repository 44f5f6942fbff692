package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class ComputedTest {

    @Test
    void aComputedValueFollowsEachOfItsDependencies() {
        SimpleDoubleProperty exponent = new SimpleDoubleProperty(1);
        SimpleStringProperty name = new SimpleStringProperty("C1");
        DoubleBinding power = Computed.doubleOf(() -> Math.pow(10, exponent.get()), exponent);
        BooleanBinding named = Computed.booleanOf(() -> !name.get().isEmpty(), name);
        ObjectBinding<String> label = Computed.objectOf(() -> name.get() + "@" + exponent.get(), name, exponent);

        assertThat(power.get()).isEqualTo(10);
        assertThat(named.get()).isTrue();
        assertThat(label.get()).isEqualTo("C1@1.0");

        exponent.set(2);
        name.set("");

        assertThat(power.get()).isEqualTo(100);
        assertThat(named.get()).isFalse();
        assertThat(label.get()).isEqualTo("@2.0");
        assertThat(java.util.List.<Object>copyOf(label.getDependencies())).containsExactly(name, exponent);
    }

    @Test
    void aDisposedValueNoLongerListensToItsDependencies() {
        SimpleDoubleProperty exponent = new SimpleDoubleProperty(1);
        DoubleBinding power = Computed.doubleOf(() -> Math.pow(10, exponent.get()), exponent);
        assertThat(power.get()).isEqualTo(10);

        power.dispose();
        exponent.set(3);

        assertThat(power.isValid()).as("invalidated by a dependency it no longer has").isTrue();
        assertThat(power.get()).isEqualTo(10);
    }
}
