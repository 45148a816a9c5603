package org.alkit.vabal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.alkit.api.AlException;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * VaB-AL's VAE trains through the context's {@link NetworkTraining}: the configured backend's, on
 * its device, and nothing of al-gpu; the capability is declared for the VAE only.
 */
class VabalCapabilityTest {
  private static final VabalProvider VABAL = new VabalProvider();
  private static final Map<String, String> QUICK = Map.of("epochs", "3", "mc-samples", "5");

  private static SelectionContext.Builder context() {
    SplittableRandom rng = new SplittableRandom(2);
    float[][] x = new float[300][3];
    int[] labeled = new int[40];
    int[] labels = new int[40];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = (float) (rng.nextGaussian() + (i % 3 == j ? 2 : 0));
      }
    }
    for (int k = 0; k < labeled.length; k++) {
      labeled[k] = k;
      labels[k] = k % 3;
    }
    return SelectionContext.builder(x.length).labeled(labeled, labels).budget(10).seed(4)
        .signal(Signal.EMBEDDINGS, Matrix.of(x));
  }

  private static Selection select(Map<String, String> options, SelectionContext ctx) {
    return VABAL.create(VABAL.options(options)).select(ctx);
  }

  /** The djl backend as {@code --backend djl --backend-option device=cpu --backend-option threads=1} makes it. */
  private static ComputeBackend djl() {
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      if (p.name().equals("djl")) {
        return p.create(p.options(Map.of("device", "cpu", "threads", "1")));
      }
    }
    throw new AssertionError("the djl backend (al-gpu) is not on the test class path");
  }

  /** A session each call: its handle type and the device of the manager it handed out. */
  record Session(Class<?> type, String device) {}

  /**
   * {@code backend}, forwarding everything, except that its {@link NetworkTraining} records each
   * session vabal opens.
   */
  private static ComputeBackend recording(ComputeBackend backend, List<Session> sessions) {
    NetworkTraining real = backend.capability(NetworkTraining.class).orElseThrow();
    NetworkTraining recorder = new NetworkTraining() {
      @Override
      public String engine() {
        return real.engine();
      }

      @Override
      public String device() {
        return real.device();
      }

      @Override
      public int threads() {
        return real.threads();
      }

      @Override
      public Set<Class<?>> sessionTypes() {
        return real.sessionTypes();
      }

      @Override
      public <H, R> R session(Class<H> type, long seed, Function<? super H, ? extends R> work) {
        return real.session(type, seed, h -> {
          sessions.add(new Session(type, ((NDManager) h).getDevice().toString()));
          return work.apply(h);
        });
      }
    };
    return (ComputeBackend) Proxy.newProxyInstance(ComputeBackend.class.getClassLoader(),
        new Class<?>[] {ComputeBackend.class}, (proxy, method, args) -> {
          if (method.getName().equals("capability") && args[0] == NetworkTraining.class) {
            return java.util.Optional.of(recorder);
          }
          try {
            return method.invoke(backend, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void theVaeTrainsInSessionsOfTheContextsBackendOnItsDevice() {
    List<Session> sessions = new ArrayList<>();
    try (ComputeBackend djl = djl()) {
      Selection viaBackend = select(QUICK, context().backend(recording(djl, sessions)).build());
      assertThat(sessions).as("one session to train, then evaluation sessions").hasSizeGreaterThanOrEqualTo(2)
          .allSatisfy(s -> assertThat(s).isEqualTo(new Session(NDManager.class, "cpu()")));
      Selection bound = select(QUICK, context().backend(djl)
          .capability(NetworkTraining.class, djl.capability(NetworkTraining.class).orElseThrow()).build());
      assertThat(viaBackend).as("the backend's capability, or the same one bound on the builder").isEqualTo(bound);
    }
  }

  @Test
  void theCapabilityIsNeededForTheVaeOnly() {
    assertThat(VABAL.capabilities()).containsExactly(NetworkTraining.class);
    assertThat(VABAL.capabilities(VABAL.defaults())).containsExactly(NetworkTraining.class);
    Options gaussian = VABAL.options(Map.of("likelihood", "gaussian"));
    assertThat(VABAL.capabilities(gaussian)).isEmpty();
    SelectionContext onJava = context().backend(Fixtures.javaBackend().orElseThrow()).build();
    assertThat(select(Map.of("likelihood", "gaussian"), onJava).size()).isEqualTo(10);
    assertThatThrownBy(() -> select(QUICK, onJava))
        .isInstanceOf(AlException.class)
        .hasMessage("strategy 'vabal' with likelihood: vae trains its VAE through NetworkTraining, which this "
            + "selection context does not offer; expected a backend that offers it (djl, of al-gpu) bound to the "
            + "context, or likelihood: gaussian");
  }

  @Test
  void vabalReadsNoEngineModuleAndNoEngineDoor() throws IOException, URISyntaxException {
    var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.alkit.vabal");
    assertThat(classes).isNotEmpty();
    noClasses().should().dependOnClassesThat().resideInAPackage("org.alkit.gpu..")
        .because("no strategy module depends on an engine module")
        .check(classes);
    noClasses().should().callMethod(Engine.class, "getEngine", String.class)
        .orShould().callMethod(Engine.class, "getInstance")
        .orShould().callMethod(NDManager.class, "newBaseManager")
        .orShould().callMethod(NDManager.class, "newBaseManager", Device.class)
        .orShould().callMethod(Device.class, "gpu")
        .because("the VAE trains on the engine, device and threads of the context's NetworkTraining, not on DJL's "
            + "default engine and device")
        .check(classes);
    Path classesDir = Path.of(VabalProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(classesDir.resolve("module-info.class"))) {
      ModuleDescriptor module = ModuleDescriptor.read(in);
      assertThat(module.name()).isEqualTo("org.alkit.vabal");
      assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name)
          .contains("org.alkit.api", "ai.djl.api").doesNotContain("org.alkit.gpu");
    }
  }
}
