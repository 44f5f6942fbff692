package dev.groupscope.ui;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Values computed from a few observables and recomputed when one of them changes, as {@code Bindings.createXBinding}
 * makes them, for the models the window's first frame needs: the {@code Bindings} class cannot be used without
 * the JVM verifying it, which loads all its eighty-odd inner classes first.
 */
final class Computed {

    private Computed() {
    }

    // Three near-twins below because DoubleBinding, BooleanBinding and ObjectBinding share no base that can bind.

    private static ObservableList<?> listOf(Observable[] dependencies) {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(dependencies));
    }

    static DoubleBinding doubleOf(DoubleSupplier value, Observable... dependencies) {
        return new DoubleBinding() {
            {
                bind(dependencies);
            }

            @Override
            protected double computeValue() {
                return value.getAsDouble();
            }

            @Override
            public ObservableList<?> getDependencies() {
                return listOf(dependencies);
            }

            @Override
            public void dispose() {
                unbind(dependencies);
            }
        };
    }

    static BooleanBinding booleanOf(BooleanSupplier value, Observable... dependencies) {
        return new BooleanBinding() {
            {
                bind(dependencies);
            }

            @Override
            protected boolean computeValue() {
                return value.getAsBoolean();
            }

            @Override
            public ObservableList<?> getDependencies() {
                return listOf(dependencies);
            }

            @Override
            public void dispose() {
                unbind(dependencies);
            }
        };
    }

    static <T> ObjectBinding<T> objectOf(Supplier<T> value, Observable... dependencies) {
        return new ObjectBinding<>() {
            {
                bind(dependencies);
            }

            @Override
            protected T computeValue() {
                return value.get();
            }

            @Override
            public ObservableList<?> getDependencies() {
                return listOf(dependencies);
            }

            @Override
            public void dispose() {
                unbind(dependencies);
            }
        };
    }
}
