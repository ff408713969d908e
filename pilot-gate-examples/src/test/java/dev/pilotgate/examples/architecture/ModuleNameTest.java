package dev.pilotgate.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pilotgate.GateEvaluator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** pilot-gate-core's jar declares the module name a host on the module path requires. */
class ModuleNameTest {
  @Test
  void coreJar_declaresItsAutomaticModuleName() throws IOException, URISyntaxException {
    Path location = Path.of(GateEvaluator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // Maven's verify runs this against the packaged jar; an IDE may put the classes folder on the path instead
    assumeTrue(location.toString().endsWith(".jar"), "pilot-gate-core is not on the class path as a jar: " + location);
    try (JarFile jar = new JarFile(location.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.pilotgate");
    }
  }
}
