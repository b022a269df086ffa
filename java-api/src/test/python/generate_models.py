#!/usr/bin/env python3
"""Writes the model fixtures of jtorch's model-serving tests (org.jtorch.jit, org.jtorch.export).

PyTorch is the oracle: Python torch 2.13.0 (CPU) builds each model, runs it on fixed inputs and
records the outputs; the Java tests load the same files and must reproduce the outputs.

  python3 generate_models.py
      the small TorchScript fixtures, committed:
      java-api/src/test/resources/models/{cnn,lstm,dict_model,methods,argmax_layer,packed_lstm,
      complex}.pt, two files
      that must not load (newer_version.pt: a newer archive format; state_dict.pt: a checkpoint)
      and models/expected.json (inputs and outputs, tensors in golden_common's encoding).
  python3 generate_models.py --resnet DIR
      DIR/resnet18.pt: torchvision's ResNet-18 with random weights, scripted (~45 MB, never
      committed), DIR/resnet18.json and the raw float32 input/output DIR/resnet18.{in,out}.bin.
  python3 generate_models.py --aoti DIR
      DIR/conv.pt2: an AOTInductor package of a small conv net (torch.export +
      torch._inductor.aoti_compile_and_package; needs a C++ compiler) and DIR/conv_pt2.json;
      DIR/dyn.pt2: a package with a dynamic batch and time (each from 1) and DIR/dyn_pt2.json
      (Python's runner's outputs at batch x time 1x1, 8x16 and 2x7).
      Not committed: the package holds a shared library compiled for this machine's CPU.

The Java tests run the --resnet and --aoti steps themselves (into target/) when python3 with
torch (and torchvision for --resnet) is available, and skip otherwise.

The model that calls jtorch::argmax_layer needs jtorch's operator library: --ops-library PATH, or
the environment variable JTORCH_OPS_LIBRARY, or else native/target/... of this checkout, or the
jtorch-native JAR in ~/.m2 (extracted to a temporary folder).
"""
import argparse
import glob
import json
import os
import sys
import tempfile
import zipfile
from typing import Dict, List, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from golden_common import enc  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
OUT = os.path.join(HERE, "..", "resources", "models")


# --------------------------------------------------------------------------------------------
# The models


class SmallCNN(nn.Module):
    """Conv-BN-ReLU-pool twice, then a linear layer: MNIST-sized input [N, 1, 28, 28]."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.fc = nn.Linear(16 * 7 * 7, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(x.flatten(1))


class LstmTagger(nn.Module):
    """An LSTM over [N, T, 8] that returns (per-step scores, (h_n, c_n)): a nested tuple."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(8, 16, batch_first=True)
        self.head = nn.Linear(16, 4)

    def forward(self, x: Tensor) -> Tuple[Tensor, Tuple[Tensor, Tensor]]:
        out, (h, c) = self.lstm(x)
        return self.head(out), (h, c)


class DictModel(nn.Module):
    """Takes and returns a dict of tensors."""

    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(3, 2)

    def forward(self, inputs: Dict[str, Tensor]) -> Dict[str, Tensor]:
        a = inputs["a"]
        b = inputs["b"]
        return {"sum": a + b, "prod": a * b, "proj": self.proj(a)}


class WithMethods(nn.Module):
    """Exported methods and attributes of every kind the Java converter handles."""

    version: int
    name: str
    labels: List[str]
    thresholds: Dict[str, float]
    enabled: bool

    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(4, 2)
        self.register_buffer("offset", torch.tensor([0.5, -0.5]))
        self.version = 3
        self.name = "with-methods"
        self.labels = ["neg", "pos"]
        self.thresholds = {"low": 0.25, "high": 0.75}
        self.enabled = True
        self.temperature = 1.5

    def forward(self, x):
        return self.lin(x) + self.offset

    @torch.jit.export
    def scale(self, x: Tensor, factor: float) -> Tensor:
        return x * factor

    @torch.jit.export
    def top_label(self, x: Tensor) -> str:
        return self.labels[int(self.forward(x).argmax())]

    @torch.jit.export
    def describe(self, xs: List[int], weights: Optional[Tensor], flag: bool,
                 tag: str) -> Tuple[int, str, List[float], Optional[Tensor], bool]:
        total = 0
        for v in xs:
            total += v
        halves: List[float] = []
        for v in xs:
            halves.append(v / 2.0)
        doubled: Optional[Tensor] = None
        if weights is not None:
            doubled = weights * 2
        return total, tag + "!", halves, doubled, not flag

    @torch.jit.export
    def sum_lists(self, d: Dict[str, List[Tensor]]) -> Dict[str, Tensor]:
        out: Dict[str, Tensor] = {}
        for k, v in d.items():
            out[k] = torch.stack(v).sum(0)
        return out

    @torch.jit.export
    def names_of(self, d: Dict[int, str]) -> List[str]:
        keys = sorted(d.keys())
        return [d[k] for k in keys]

    @torch.jit.export
    def maybe_double(self, x: Optional[Tensor]) -> Optional[Tensor]:
        if x is None:
            return None
        return x * 2

    @torch.jit.export
    def pair(self, t: Tuple[Tensor, int]) -> List[Tensor]:
        return [t[0] + t[1], t[0] - t[1]]

    @torch.jit.export
    def echo_floats(self, xs: List[float], s: float, b: List[bool]) -> Tuple[List[float], float, List[bool]]:
        return xs, s, b

    @torch.jit.export
    def fail_if_negative(self, x: Tensor) -> Tensor:
        if bool((x < 0).any()):
            raise ValueError("negative input")
        return x


class UsesArgmaxLayer(nn.Module):
    """Calls jtorch's custom operator from TorchScript."""

    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(6, 5)

    def forward(self, x):
        return torch.ops.jtorch.argmax_layer(self.lin(x), 1)


class PackedClassifier(nn.Module):
    """An LSTM classifier of variable-length sequences: its argument is a PackedSequence, a
    NamedTuple in TorchScript (the caller must build that type, not a plain tuple)."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(4, 6, batch_first=True)
        self.fc = nn.Linear(6, 3)

    def forward(self, packed: PackedSequence) -> Tensor:
        _, (h, _) = self.lstm(packed)
        return self.fc(h[-1])


class ComplexModel(nn.Module):
    """complex in, complex out: a complex tensor scaled by a complex scalar, and a complex result."""

    def forward(self, x: Tensor, c: complex) -> Tuple[Tensor, complex]:
        return x * c, c * c + 1j

    @torch.jit.export
    def scales(self, cs: List[complex]) -> List[complex]:
        return [c * 2 for c in cs]


class SequenceHead(nn.Module):
    """[batch, time, 4] -> [batch, 3]: a linear layer on every step, then the mean over time."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return torch.tanh(self.fc(x)).mean(dim=1)


class SmallConvNet(nn.Module):
    """The AOTInductor fixture: two outputs (logits and their softmax)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.fc = nn.Linear(8 * 8 * 8, 10)

    def forward(self, x):
        x = F.max_pool2d(torch.relu(self.conv(x)), 2)
        logits = self.fc(x.flatten(1))
        return logits, logits.softmax(1)


# --------------------------------------------------------------------------------------------
# Helpers


def ops_library(explicit):
    """jtorch's operator library (.so): the first that exists of the documented places."""
    candidates = [explicit, os.environ.get("JTORCH_OPS_LIBRARY")]
    candidates += sorted(glob.glob(os.path.join(
        REPO, "native", "target", "native-linux-x86_64", "org", "jtorch", "native", "*", "libjtorch_ops.so")))
    for c in candidates:
        if c and os.path.isfile(c):
            return c
    jars = sorted(glob.glob(os.path.expanduser(
        "~/.m2/repository/org/jtorch/jtorch-native/*/jtorch-native-*-linux-x86_64.jar")))
    for jar in jars:
        with zipfile.ZipFile(jar) as z:
            for name in z.namelist():
                if name.endswith("/libjtorch_ops.so"):
                    out = os.path.join(tempfile.mkdtemp(prefix="jtorch-ops-"), "libjtorch_ops.so")
                    with open(out, "wb") as f:
                        f.write(z.read(name))
                    return out
    sys.exit("jtorch's operator library not found: build it (./mvnw install -pl native) or pass "
             "--ops-library PATH / set JTORCH_OPS_LIBRARY")


def with_version(src, dst, version):
    """A copy of the TorchScript archive `src` whose format version record says `version`."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith("/version") and not info.filename.endswith(".data/version"):
                data = str(version).encode()
            zout.writestr(info, data)


def scripted(module, path, extra_files=None):
    m = torch.jit.script(module)
    torch.jit.save(m, path, _extra_files=extra_files or {})
    return m


def names(pairs):
    return [n for n, _ in pairs]


# --------------------------------------------------------------------------------------------
# The committed fixtures


def small_fixtures(ops_lib):
    os.makedirs(OUT, exist_ok=True)
    expected = {"torch": torch.__version__}

    # the small CNN, with BatchNorm running statistics that are not the defaults
    torch.manual_seed(0)
    cnn = SmallCNN()
    cnn.train()
    with torch.no_grad():
        for _ in range(3):
            cnn(torch.randn(16, 1, 28, 28) * 2 + 0.5)
    cnn.eval()
    x = torch.randn(4, 1, 28, 28)
    s = scripted(cnn, os.path.join(OUT, "cnn.pt"), {"meta.json": '{"classes": 10, "input": [1, 28, 28]}'})
    with torch.inference_mode():
        y = s(x)
    expected["cnn"] = {
        "in": enc(x), "out": enc(y),
        "parameters": names(s.named_parameters()),
        "buffers": names(s.named_buffers()),
        "children": names(s.named_children()),
        "meta.json": '{"classes": 10, "input": [1, 28, 28]}',
        "bn1.running_mean": enc(cnn.bn1.running_mean),
        "conv1.bias": enc(cnn.conv1.bias),
    }
    # the same model through torch.jit.freeze and optimize_for_inference
    with torch.inference_mode():
        expected["cnn"]["frozen_out"] = enc(torch.jit.freeze(s.eval())(x))

    # the LSTM returning (scores, (h, c))
    torch.manual_seed(1)
    lstm = LstmTagger().eval()
    x = torch.randn(3, 5, 8)
    s = scripted(lstm, os.path.join(OUT, "lstm.pt"))
    with torch.inference_mode():
        scores, (h, c) = s(x)
    expected["lstm"] = {"in": enc(x), "scores": enc(scores), "h": enc(h), "c": enc(c)}

    # dict in, dict out
    torch.manual_seed(2)
    dm = DictModel().eval()
    a, b = torch.randn(4, 3), torch.randn(4, 3)
    s = scripted(dm, os.path.join(OUT, "dict_model.pt"))
    with torch.inference_mode():
        out = s({"a": a, "b": b})
    expected["dict_model"] = {"a": enc(a), "b": enc(b), "out": {k: enc(v) for k, v in out.items()},
                              "keys": list(out.keys())}

    # exported methods and attributes
    torch.manual_seed(3)
    wm = WithMethods().eval()
    x = torch.randn(3, 4)
    s = scripted(wm, os.path.join(OUT, "methods.pt"))
    with torch.inference_mode():
        total, tag, halves, doubled, flag = s.describe([1, 2, 3, 4], torch.tensor([1.0, -2.0]), True, "abc")
        expected["methods"] = {
            "x": enc(x),
            "forward": enc(s(x)),
            "scale": enc(s.scale(x, 0.5)),
            "top_label": s.top_label(x[:1]),
            "describe": {"total": total, "tag": tag, "halves": halves, "doubled": enc(doubled), "flag": flag},
            "sum_lists": {k: enc(v) for k, v in s.sum_lists(
                {"p": [x[0], x[1]], "q": [x[2]]}).items()},
            "names_of": s.names_of({2: "two", 1: "one", 3: "three"}),
            "pair": [enc(t) for t in s.pair((x, 2))],
            "lin.weight": enc(wm.lin.weight),
            "offset": enc(wm.offset),
        }
        try:
            s.fail_if_negative(-x.abs())
        except Exception as e:  # torch.jit.Error
            expected["methods"]["fail_if_negative"] = str(e).strip().splitlines()[-1]

    # a model that calls jtorch::argmax_layer
    torch.ops.load_library(ops_lib)
    torch.manual_seed(4)
    am = UsesArgmaxLayer().eval()
    x = torch.randn(7, 6)
    s = scripted(am, os.path.join(OUT, "argmax_layer.pt"))
    with torch.inference_mode():
        expected["argmax_layer"] = {"in": enc(x), "out": enc(s(x))}

    # a PackedSequence argument: three sequences of lengths 5, 2 and 4, unsorted
    torch.manual_seed(6)
    pc = PackedClassifier().eval()
    x = torch.randn(3, 5, 4)
    packed = pack_padded_sequence(x, torch.tensor([5, 2, 4]), batch_first=True, enforce_sorted=False)
    s = scripted(pc, os.path.join(OUT, "packed_lstm.pt"))
    with torch.inference_mode():
        out = s(packed)
    expected["packed_lstm"] = {"data": enc(packed.data), "batch_sizes": enc(packed.batch_sizes),
                               "sorted_indices": enc(packed.sorted_indices),
                               "unsorted_indices": enc(packed.unsorted_indices), "out": enc(out)}

    # complex scalars and tensors, both ways
    cm = ComplexModel().eval()
    x = torch.tensor([1 + 2j, -1j, 0.5 - 0.25j], dtype=torch.complex64)
    c = complex(2, -1)
    s = scripted(cm, os.path.join(OUT, "complex.pt"))
    y, d = s(x, c)
    expected["complex"] = {"in": enc(x), "c": [c.real, c.imag], "out": enc(y), "d": [d.real, d.imag],
                           "scales": [[v.real, v.imag] for v in s.scales([1 + 1j, -2.5j])]}

    # a TorchScript archive that claims a format newer than this LibTorch reads
    torch.manual_seed(5)
    tiny = os.path.join(tempfile.mkdtemp(), "tiny.pt")
    scripted(nn.Linear(2, 2), tiny)
    with_version(tiny, os.path.join(OUT, "newer_version.pt"), 99)
    try:
        torch.jit.load(os.path.join(OUT, "newer_version.pt"))
    except RuntimeError as e:
        expected["newer_version"] = str(e).strip().splitlines()[0]

    # a checkpoint (torch.save of a state dict): a zip, but not a TorchScript archive
    torch.save(nn.Linear(2, 2).state_dict(), os.path.join(OUT, "state_dict.pt"))
    try:
        torch.jit.load(os.path.join(OUT, "state_dict.pt"))
    except (RuntimeError, ValueError) as e:
        expected["state_dict"] = str(e).strip().splitlines()[0]

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    for name in sorted(os.listdir(OUT)):
        print(f"{name:20} {os.path.getsize(os.path.join(OUT, name)):>9} bytes")


# --------------------------------------------------------------------------------------------
# The large fixtures, made at test time


def import_torchvision():
    """torchvision, or None. The torchvision wheel that pip finds for torch 2.13 is a CUDA
    build whose own operator library (_C.so) does not load next to the CPU torch; ResNet-18 does
    not need those operators, so declare the two whose fake kernels torchvision registers at
    import and try again."""
    try:
        import torchvision
        return torchvision
    except ImportError:
        return None
    except RuntimeError as e:
        if "torchvision::nms" not in str(e):
            raise
    for name in [m for m in sys.modules if m == "torchvision" or m.startswith("torchvision.")]:
        del sys.modules[name]
    lib = torch.library.Library("torchvision", "DEF")  # noqa: F841 (kept alive by torch)
    lib.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    lib.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    import_torchvision.lib = lib
    import torchvision
    return torchvision


def resnet(out_dir):
    tv = import_torchvision()
    if tv is None:
        sys.exit("torchvision is not installed: pip install 'torchvision==0.28.*'")
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(0)
    model = tv.models.resnet18(weights=None).eval()
    s = torch.jit.script(model)
    path = os.path.join(out_dir, "resnet18.pt")
    torch.jit.save(s, path)
    torch.manual_seed(1)
    x = torch.randn(2, 3, 224, 224)
    with torch.inference_mode():
        y = s(x)
    x.numpy().astype("<f4").tofile(os.path.join(out_dir, "resnet18.in.bin"))
    y.numpy().astype("<f4").tofile(os.path.join(out_dir, "resnet18.out.bin"))
    with open(os.path.join(out_dir, "resnet18.json"), "w") as f:
        json.dump({"torch": torch.__version__, "torchvision": tv.__version__,
                   "in_shape": list(x.shape), "out_shape": list(y.shape),
                   "parameters": sum(p.numel() for p in model.parameters())}, f, indent=1)
    print(f"{path}: {os.path.getsize(path)} bytes, torchvision {tv.__version__}")


def aoti(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(6)
    model = SmallConvNet().eval()
    x = torch.randn(2, 3, 16, 16)
    path = os.path.abspath(os.path.join(out_dir, "conv.pt2"))
    with torch.no_grad():
        program = torch.export.export(model, (x,))
        torch._inductor.aoti_compile_and_package(program, package_path=path)
    runner = torch._inductor.aoti_load_package(path)
    with torch.inference_mode():
        logits, probs = runner(x)
        eager = model(x)[0]
    with open(os.path.join(out_dir, "conv_pt2.json"), "w") as f:
        json.dump({"torch": torch.__version__, "in": enc(x), "logits": enc(logits), "probs": enc(probs),
                   "max_abs_diff_vs_eager": float((logits - eager).abs().max())}, f, indent=1)
    print(f"{path}: {os.path.getsize(path)} bytes")

    # dynamic batch and time, both declared from 1: torch.export specialises 0 and 1, so the
    # package's compiled input checks demand >= 2 although Python's runner serves 1
    torch.manual_seed(7)
    head = SequenceHead().eval()
    batch = torch.export.Dim("batch", min=1, max=8)
    time = torch.export.Dim("time", min=1, max=16)
    dyn = os.path.abspath(os.path.join(out_dir, "dyn.pt2"))
    with torch.no_grad():
        program = torch.export.export(head, (torch.randn(3, 5, 4),),
                                      dynamic_shapes={"x": {0: batch, 1: time}})
        torch._inductor.aoti_compile_and_package(program, package_path=dyn)
    runner = torch._inductor.aoti_load_package(dyn)
    cases = {}
    with torch.inference_mode():
        for b, t in ((1, 1), (8, 16), (2, 7)):
            x = torch.randn(b, t, 4)
            cases[f"{b}x{t}"] = {"in": enc(x), "out": enc(runner(x))}
    with open(os.path.join(out_dir, "dyn_pt2.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
    print(f"{dyn}: {os.path.getsize(dyn)} bytes")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--resnet", metavar="DIR", help="write the ResNet-18 fixture into DIR")
    p.add_argument("--aoti", metavar="DIR", help="write the AOTInductor fixture into DIR")
    p.add_argument("--ops-library", metavar="PATH", help="jtorch's libjtorch_ops.so")
    a = p.parse_args()
    torch.set_num_threads(max(1, min(torch.get_num_threads(), os.cpu_count() or 1)))
    if a.resnet:
        resnet(a.resnet)
    if a.aoti:
        aoti(a.aoti)
    if not a.resnet and not a.aoti:
        small_fixtures(ops_library(a.ops_library))


if __name__ == "__main__":
    main()
