package org.jtorch.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Loader;
import org.jtorch.bindings.CudaLibraries.Env;
import org.jtorch.bindings.CudaLibraries.Folder;
import org.jtorch.bindings.CudaLibraries.Found;
import org.jtorch.bindings.CudaLibraries.Library;
import org.jtorch.bindings.CudaLibraries.Resolution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure-Java parts of the CUDA library search; needs neither a GPU nor the GPU natives. */
class CudaLibrariesTest {
  @TempDir Path tmp;

  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();
  private final Map<String, Path> linkerCache = new HashMap<>();
  private final List<Path> pythonSites = new ArrayList<>();
  private final AtomicInteger pythonAsked = new AtomicInteger();
  private Path home;
  private Path root;

  @BeforeEach
  void setUp() throws IOException {
    home = Files.createDirectories(tmp.resolve("home"));
    root = Files.createDirectories(tmp.resolve("root"));
  }

  private Env env() {
    return new Env(
        properties::get,
        environment::get,
        home,
        root,
        () -> linkerCache,
        () -> {
          pythonAsked.incrementAndGet();
          return pythonSites;
        });
  }

  private Path dir(Path base, String relative) throws IOException {
    return Files.createDirectories(base.resolve(relative));
  }

  /** Empty files named like the libraries: enough for the search, which only looks at names. */
  private static void fakeLibraries(Path folder, String... names) throws IOException {
    Files.createDirectories(folder);
    for (String name : names) {
      Files.createFile(folder.resolve(name));
    }
  }

  /** A pip-style install of every library: nvidia/cu13/lib, nvidia/cudnn/lib, nvidia/nccl/lib. */
  private Path fakeWheels(Path site) throws IOException {
    for (Library lib : CudaLibraries.LIBRARIES) {
      String name =
          lib.soname().endsWith("*")
              ? lib.soname().replace("*", "0")
              : lib.soname();
      String pkg =
          name.startsWith("libcudnn") ? "cudnn" : name.startsWith("libnccl") ? "nccl" : "cu13";
      fakeLibraries(site.resolve("nvidia").resolve(pkg).resolve("lib"), name);
    }
    return site;
  }

  private static List<Path> paths(List<Folder> folders) {
    return folders.stream().map(Folder::path).collect(Collectors.toList());
  }

  private static String sep() {
    return File.pathSeparator;
  }

  @Test
  void searchFoldersComeInTheDocumentedOrder() throws IOException {
    Path a = dir(tmp, "a");
    Path b = dir(tmp, "b");
    Path c = dir(tmp, "c");
    Path jlp = dir(tmp, "jlp");
    Path ld = dir(tmp, "ld");
    Path cudaHome = dir(tmp, "cudahome/lib64");
    Path cuda = dir(root, "usr/local/cuda/lib64");
    Path cupti = dir(root, "usr/local/cuda/extras/CUPTI/lib64");
    Path cuda131 = dir(root, "usr/local/cuda-13.1/targets/x86_64-linux/lib");
    Path cuda130 = dir(root, "usr/local/cuda-13.0/lib64");
    Path multiarch = dir(root, "usr/lib/x86_64-linux-gnu");
    Path venvSite = dir(tmp, "venv/lib/python3.12/site-packages");
    Path venvCu13 = dir(venvSite, "nvidia/cu13/lib");
    Path venvCudnn = dir(venvSite, "nvidia/cudnn/lib");
    Path userNccl = dir(home, ".local/lib/python3.11/site-packages/nvidia/nccl/lib");
    Path pyenv = dir(home, ".pyenv/versions/3.10.4/lib/python3.10/site-packages/nvidia/cu13/lib");
    Path usrLocal = dir(root, "usr/local/lib/python3.11/dist-packages/nvidia/cudnn/lib");
    Path debian = dir(root, "usr/lib/python3/dist-packages/nvidia/cu13/lib");
    dir(root, "usr/lib/python3/dist-packages/nvidia/no_lib_folder");

    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, a + sep() + b);
    environment.put(CudaLibraries.LIBRARY_PATH_ENV, c.toString());
    properties.put("java.library.path", jlp + sep() + tmp.resolve("absent-jlp"));
    environment.put("LD_LIBRARY_PATH", ld.toString());
    environment.put("CUDA_HOME", tmp.resolve("cudahome").toString());
    environment.put("VIRTUAL_ENV", tmp.resolve("venv").toString());

    List<Folder> folders = CudaLibraries.searchFolders(env());
    assertEquals(
        List.of(
            a, b, c, jlp, ld, cudaHome, cuda, cupti, cuda131, cuda130, multiarch,
            venvCu13, venvCudnn, userNccl, pyenv, usrLocal, debian),
        paths(folders));
    assertEquals("-Djtorch.cuda.libraryPath", folders.get(0).source());
    assertEquals("JTORCH_CUDA_LIBRARY_PATH", folders.get(2).source());
    assertEquals("$CUDA_HOME", folders.get(5).source());
    assertEquals("$VIRTUAL_ENV (NVIDIA wheel)", folders.get(11).source());
    assertEquals(0, pythonAsked.get(), "python3 is asked only when something is missing");
  }

  @Test
  void namedFoldersAreListedEvenWhenAbsentGuessedOnesOnlyWhenPresent() {
    Path typo = tmp.resolve("no/such/folder");
    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, typo.toString());
    environment.put("CUDA_HOME", tmp.resolve("no-cuda").toString());
    assertEquals(List.of(typo), paths(CudaLibraries.searchFolders(env())));
  }

  @Test
  void aSitePackagesFolderOnThePropertyContributesItsWheelFolders() throws IOException {
    Path target = fakeWheels(tmp.resolve("pip-target"));
    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, target.toString());
    assertEquals(
        List.of(
            target,
            target.resolve("nvidia/cu13/lib"),
            target.resolve("nvidia/cudnn/lib"),
            target.resolve("nvidia/nccl/lib")),
        paths(CudaLibraries.searchFolders(env())));
    Resolution r = CudaLibraries.resolve(env(), CudaLibraries.LIBRARIES);
    assertEquals(List.of(), r.missing());
  }

  @Test
  void repeatedFoldersAreListedOnceUnderTheirFirstSource() throws IOException {
    Path a = dir(tmp, "a");
    Path link = Files.createSymbolicLink(tmp.resolve("a-link"), a);
    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, a.toString());
    environment.put("LD_LIBRARY_PATH", a + sep() + link + sep() + tmp.resolve("a/../a"));
    List<Folder> folders = CudaLibraries.searchFolders(env());
    assertEquals(List.of(a), paths(folders));
    assertEquals("-Djtorch.cuda.libraryPath", folders.get(0).source());
  }

  @Test
  void everythingFoundIsPreloadedInDependencyOrder() throws IOException {
    Path site = fakeWheels(dir(home, ".local/lib/python3.11/site-packages"));
    Resolution r = CudaLibraries.resolve(env(), CudaLibraries.LIBRARIES);
    assertEquals(List.of(), r.missing());
    assertEquals(CudaLibraries.LIBRARIES.size(), r.found().size());
    for (int i = 0; i < r.found().size(); i++) {
      Found f = r.found().get(i);
      assertEquals(CudaLibraries.LIBRARIES.get(i), f.library());
      assertTrue(f.preload());
      assertTrue(f.file().startsWith(site.resolve("nvidia")), f.file().toString());
    }
    List<String> order =
        r.found().stream().map(f -> f.library().soname()).collect(Collectors.toList());
    assertTrue(order.indexOf("libcudart.so.13") < order.indexOf("libcublas.so.13"));
    assertTrue(order.indexOf("libcublasLt.so.13") < order.indexOf("libcublas.so.13"));
    assertTrue(order.indexOf("libnvJitLink.so.13") < order.indexOf("libcusparse.so.12"));
    assertTrue(order.indexOf("libcusparse.so.12") < order.indexOf("libcusolver.so.12"));
    assertTrue(order.indexOf("libcudnn_graph.so.9") < order.indexOf("libcudnn_ops.so.9"));
    assertEquals("libcudnn.so.9", order.get(order.size() - 1));
    assertEquals(0, pythonAsked.get());
  }

  @Test
  void theFirstFolderHoldingALibraryWins() throws IOException {
    fakeWheels(dir(home, ".local/lib/python3.11/site-packages"));
    Path mine = tmp.resolve("mine");
    fakeLibraries(mine, "libcudart.so.13", "libnvrtc-builtins.so.13.0", "libnvrtc-builtins.so.13.2",
        "libnvrtc-builtins.alt.so.13.9");
    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, mine.toString());
    Resolution r = CudaLibraries.resolve(env(), CudaLibraries.LIBRARIES);
    assertEquals(mine.resolve("libcudart.so.13"), file(r, "libcudart.so.13"));
    assertEquals(mine.resolve("libnvrtc-builtins.so.13.2"), file(r, "libnvrtc-builtins.so.13.*"));
    assertTrue(file(r, "libcublas.so.13").toString().contains("nvidia/cu13/lib"));
  }

  private static Path file(Resolution r, String soname) {
    for (Found f : r.found()) {
      if (f.library().soname().equals(soname)) {
        return f.file();
      }
    }
    return null;
  }

  @Test
  void librariesTheSystemLinkerKnowsAreNotPreloaded() throws IOException {
    Path wheels = fakeWheels(tmp.resolve("wheels"));
    Files.delete(wheels.resolve("nvidia/cu13/lib/libcudart.so.13"));
    Files.delete(wheels.resolve("nvidia/cu13/lib/libcupti.so.13"));
    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, wheels.toString());
    linkerCache.put("libcudart.so.13", Path.of("/opt/cuda/lib/libcudart.so.13"));
    linkerCache.put("libcupti.so.13", Path.of("/opt/cuda/lib/libcupti.so.13"));
    Resolution r = CudaLibraries.resolve(env(), CudaLibraries.LIBRARIES);
    assertEquals(List.of(), r.missing());
    Found cudart = r.found().get(0);
    assertEquals("libcudart.so.13", cudart.library().soname());
    assertFalse(cudart.preload());
    assertNull(cudart.file());
    assertEquals(Path.of("/opt/cuda/lib/libcudart.so.13"), cudart.linkerCachePath());
    assertTrue(CudaLibraries.describe(r).contains("system linker"));
  }

  @Test
  void optionalLibrariesMayBeMissing() throws IOException {
    Path wheels = fakeWheels(tmp.resolve("wheels"));
    Files.delete(wheels.resolve("nvidia/cu13/lib/libnvrtc-builtins.so.13.0"));
    Files.delete(wheels.resolve("nvidia/cudnn/lib/libcudnn_ext.so.9"));
    Files.delete(wheels.resolve("nvidia/cudnn/lib/libcudnn_engines_tensor_ir.so.9"));
    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, wheels.toString());
    Resolution r = CudaLibraries.resolve(env(), CudaLibraries.LIBRARIES);
    assertEquals(List.of(), r.missing());
    assertEquals(CudaLibraries.LIBRARIES.size() - 3, r.found().size());
  }

  @Test
  void missingLibrariesAreNamedWithEveryFolderAndTheFix() throws IOException {
    Path wheels = fakeWheels(tmp.resolve("wheels"));
    Files.delete(wheels.resolve("nvidia/cudnn/lib/libcudnn.so.9"));
    Files.delete(wheels.resolve("nvidia/nccl/lib/libnccl.so.2"));
    Path typo = tmp.resolve("typo");
    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, wheels + sep() + typo);
    Path ld = dir(tmp, "ld");
    environment.put("LD_LIBRARY_PATH", ld.toString());

    Resolution r = CudaLibraries.resolve(env(), CudaLibraries.LIBRARIES);
    assertEquals(
        List.of("libnccl.so.2", "libcudnn.so.9"),
        r.missing().stream().map(Library::soname).collect(Collectors.toList()));
    assertEquals(1, pythonAsked.get(), "python3 is asked once something is missing");

    String message = CudaLibraries.missingMessage(r);
    assertTrue(message.contains("libnccl.so.2 (pip: nvidia-nccl-cu13==2.*)"), message);
    assertTrue(message.contains("libcudnn.so.9 (pip: nvidia-cudnn-cu13==9.*)"), message);
    assertFalse(message.contains("libcudart.so.13"), message);
    for (Folder f : r.folders()) {
      assertTrue(message.contains(f.path().toString()), f.path() + " in " + message);
    }
    assertTrue(message.contains(wheels.resolve("nvidia/cudnn/lib").toString()), message);
    assertTrue(message.contains(typo + "  [-Djtorch.cuda.libraryPath, does not exist]"), message);
    assertTrue(message.contains(ld + "  [LD_LIBRARY_PATH]"), message);
    assertTrue(message.contains("/etc/ld.so.cache"), message);
    assertTrue(message.contains("pip install"), message);
    assertTrue(message.contains("'nvidia-cuda-runtime==13.*'"), message);
    assertTrue(message.contains("only the missing ones: 'nvidia-nccl-cu13==2.*'"
        + " 'nvidia-cudnn-cu13==9.*'"), message);
    assertTrue(message.contains("-Djtorch.cuda.libraryPath=DIR"), message);
    assertTrue(message.contains("JTORCH_CUDA_LIBRARY_PATH"), message);
    assertTrue(message.contains("CUDA 13 toolkit and cuDNN 9"), message);
  }

  @Test
  void missingLibrariesOfOneWheelShareOneHint() throws IOException {
    Path wheels = fakeWheels(tmp.resolve("wheels"));
    for (String name : new String[] {"libcublasLt.so.13", "libcublas.so.13", "libcufft.so.12"}) {
      Files.delete(wheels.resolve("nvidia/cu13/lib").resolve(name));
    }
    properties.put(CudaLibraries.LIBRARY_PATH_PROPERTY, wheels.toString());
    String message =
        CudaLibraries.missingMessage(CudaLibraries.resolve(env(), CudaLibraries.LIBRARIES));
    assertTrue(message.contains("not found: libcublasLt.so.13, libcublas.so.13 (pip:"
        + " nvidia-cublas==13.*), libcufft.so.12 (pip: nvidia-cufft==12.*)."), message);
  }

  @Test
  void pythonsSitePackagesAreSearchedWhenSomethingIsMissing() throws IOException {
    Path site = fakeWheels(tmp.resolve("conda/lib/python3.12/site-packages"));
    pythonSites.add(site);
    Resolution r = CudaLibraries.resolve(env(), CudaLibraries.LIBRARIES);
    assertEquals(List.of(), r.missing());
    assertEquals(1, pythonAsked.get());
    assertTrue(r.folders().stream()
        .anyMatch(f -> f.source().startsWith("python3 site.getsitepackages()")));
  }

  @Test
  void aLibraryThatFailsToLoadIsNamedWithItsFile() {
    // a file that vanished after the search: System.load fails without reaching dlopen
    Path gone = tmp.resolve("gone/libcudart.so.13");
    Library cudart = CudaLibraries.LIBRARIES.get(0);
    Resolution r =
        new Resolution(List.of(new Found(cudart, gone, null)), List.of(), List.of());
    UnsatisfiedLinkError e =
        assertThrows(UnsatisfiedLinkError.class, () -> CudaLibraries.preload(r));
    assertTrue(e.getMessage().contains("could not load the CUDA library libcudart.so.13"),
        e.getMessage());
    assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("-Djtorch.cuda.libraryPath"), e.getMessage());
  }

  @Test
  void javaCppNamesAreThoseThePresetsPreloadBy() {
    assertEquals("cudart@.13", CudaLibraries.javaCppName("libcudart.so.13"));
    assertEquals("cudnn_engines_precompiled@.9",
        CudaLibraries.javaCppName("libcudnn_engines_precompiled.so.9"));
    assertEquals("nvrtc-builtins@.13.0", CudaLibraries.javaCppName("libnvrtc-builtins.so.13.0"));
    assertEquals("foo", CudaLibraries.javaCppName("libfoo.so"));
  }

  @Test
  void requiredListCoversWhatTheGpuNativesLinkAgainst() {
    List<String> required =
        CudaLibraries.LIBRARIES.stream()
            .filter(Library::required)
            .map(Library::soname)
            .collect(Collectors.toList());
    for (String soname :
        List.of(
            "libcudart.so.13", "libcupti.so.13", "libcusparse.so.12", "libcufft.so.12",
            "libcufile.so.0", "libnccl.so.2", "libcurand.so.10", "libcublas.so.13",
            "libcublasLt.so.13", "libcudnn.so.9", "libnvrtc.so.13", "libcusolver.so.12",
            "libnvJitLink.so.13", "libcudnn_graph.so.9", "libcudnn_ops.so.9",
            "libcudnn_cnn.so.9", "libcudnn_adv.so.9")) {
      assertTrue(required.contains(soname), soname);
    }
  }

  @Test
  void theCpuNativesNeedNoCudaLibraries() {
    String marker = String.format(CudaLibraries.GPU_MARKER, Loader.getPlatform());
    assumeTrue(CudaLibraries.class.getClassLoader().getResource(marker) == null,
        "the GPU natives are on the class path");
    properties.clear();
    CudaLibraries.preloadIfGpuNatives(); // must neither search nor throw
  }
}
