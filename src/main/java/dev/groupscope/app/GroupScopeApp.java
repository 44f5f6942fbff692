package dev.groupscope.app;

import dev.groupscope.i18n.Messages;
import java.io.IOException;
import java.util.Locale;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: the main window from {@code fxml/main.fxml}. */
public final class GroupScopeApp extends Application {

    static void launchApp(String[] args) {
        Application.launch(GroupScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Messages messages = Messages.of(Locale.getDefault());
        FXMLLoader loader = new FXMLLoader(GroupScopeApp.class.getResource("/fxml/main.fxml"), messages.bundle());
        Parent root = loader.load();
        stage.setTitle(messages.text("app.title"));
        stage.setScene(new Scene(root, 1024, 700));
        stage.show();
    }
}
