package org.trainingplayground;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Server push over a WebSocket, so training metrics reach the charts without polling. */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET)
@Theme(themeClass = Lumo.class)
public class AppShell implements AppShellConfigurator {}
