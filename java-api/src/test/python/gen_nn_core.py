"""Goldens for the core of org.jtorch.nn: Linear, Bilinear, activations, dropout, containers, and
nn.init. Run: python3 gen_nn_core.py (torch 2.13.0) -> ../resources/golden/nn/core.json, init.json."""
import math

import torch
import torch.nn as nn

from golden_common import enc
from nn_common import error_case, module_case, rq, write


def main():
    cases = []
    torch.manual_seed(100)
    x = rq(4, 6)
    module_case(cases, "linear", 0, lambda: nn.Linear(6, 3), [x])
    module_case(cases, "linear_nobias", 1, lambda: nn.Linear(6, 3, bias=False), [x])
    module_case(cases, "linear_3d", 2, lambda: nn.Linear(6, 5), [rq(2, 3, 6)])
    module_case(cases, "linear_double", 4, lambda: nn.Linear(6, 2).double(), [rq(3, 6, dtype=torch.float64)],
                tol=1e-12)
    module_case(cases, "bilinear", 5, lambda: nn.Bilinear(3, 4, 2), [rq(5, 3), rq(5, 4)],
                forward=lambda m, a, b: m(a, b))
    module_case(cases, "identity", 6, lambda: nn.Identity(), [x])
    module_case(cases, "flatten", 7, lambda: nn.Flatten(), [rq(2, 3, 4)])
    module_case(cases, "flatten_0_1", 7, lambda: nn.Flatten(0, 1), [rq(2, 3, 4)])
    module_case(cases, "unflatten", 8, lambda: nn.Unflatten(1, (2, 3)), [rq(4, 6)])
    a = rq(3, 5, scale=3.0)
    for cid, make in [
        ("relu", lambda: nn.ReLU()), ("relu6", lambda: nn.ReLU6()), ("leaky_relu", lambda: nn.LeakyReLU()),
        ("leaky_relu_0.2", lambda: nn.LeakyReLU(0.2)), ("prelu", lambda: nn.PReLU()),
        ("elu", lambda: nn.ELU()), ("elu_0.5", lambda: nn.ELU(0.5)), ("selu", lambda: nn.SELU()),
        ("gelu", lambda: nn.GELU()), ("gelu_tanh", lambda: nn.GELU(approximate="tanh")),
        ("silu", lambda: nn.SiLU()), ("mish", lambda: nn.Mish()), ("sigmoid", lambda: nn.Sigmoid()),
        ("tanh", lambda: nn.Tanh()), ("softmax", lambda: nn.Softmax(dim=1)),
        ("softmax_0", lambda: nn.Softmax(dim=0)), ("log_softmax", lambda: nn.LogSoftmax(dim=1)),
        ("softplus", lambda: nn.Softplus()), ("softplus_2_1", lambda: nn.Softplus(beta=2.0, threshold=1.0)),
        ("hardtanh", lambda: nn.Hardtanh()), ("hardtanh_0_2", lambda: nn.Hardtanh(0.0, 2.0)),
        ("hardswish", lambda: nn.Hardswish()),
    ]:
        module_case(cases, cid, 9, make, [a])
    module_case(cases, "prelu_channels", 10, lambda: nn.PReLU(4, 0.1), [rq(2, 4, 3, scale=2.0)])
    module_case(cases, "dropout_train", 11, lambda: nn.Dropout(0.3), [rq(8, 10)], forward_seed=5)
    module_case(cases, "dropout_eval", 11, lambda: nn.Dropout(0.3), [rq(8, 10)], train=False)
    module_case(cases, "dropout2d_train", 12, lambda: nn.Dropout2d(0.5), [rq(2, 6, 3, 3)], forward_seed=6)
    module_case(cases, "dropout2d_3d", 12, lambda: nn.Dropout2d(0.5), [rq(6, 3, 3)], forward_seed=7)
    module_case(cases, "mlp", 13, lambda: nn.Sequential(nn.Linear(10, 8), nn.ReLU(), nn.Dropout(0.2),
                                                        nn.Linear(8, 3)), [rq(5, 10)], forward_seed=3)
    module_case(cases, "mlp_eval", 13, lambda: nn.Sequential(nn.Linear(10, 8), nn.Tanh(), nn.Linear(8, 3)),
                [rq(5, 10)], train=False)
    error_case(cases, "linear_wrong_features", 0, lambda: nn.Linear(6, 3), [rq(4, 5)])
    write("core", cases)

    # nn.init: each initialiser on fresh tensors after manual_seed
    inits = []

    def init_case(cid, shape, fn):
        torch.manual_seed(42)
        t = torch.empty(*shape)
        fn(t)
        inits.append({"id": cid, "shape": list(shape), "out": enc(t)})

    init_case("uniform", (3, 4), lambda t: nn.init.uniform_(t, -0.5, 2.0))
    init_case("normal", (3, 4), lambda t: nn.init.normal_(t, 1.0, 0.5))
    init_case("constant", (2, 2), lambda t: nn.init.constant_(t, 0.3))
    init_case("xavier_uniform", (5, 7), lambda t: nn.init.xavier_uniform_(t))
    init_case("xavier_uniform_gain", (5, 7), lambda t: nn.init.xavier_uniform_(t, gain=nn.init.calculate_gain("relu")))
    init_case("xavier_normal", (5, 7), lambda t: nn.init.xavier_normal_(t))
    init_case("kaiming_uniform", (6, 3, 3, 3), lambda t: nn.init.kaiming_uniform_(t))
    init_case("kaiming_uniform_relu_out", (6, 4), lambda t: nn.init.kaiming_uniform_(t, mode="fan_out", nonlinearity="relu"))
    init_case("kaiming_normal", (6, 4), lambda t: nn.init.kaiming_normal_(t))
    init_case("kaiming_normal_a", (6, 4), lambda t: nn.init.kaiming_normal_(t, a=0.1, nonlinearity="leaky_relu"))
    init_case("trunc_normal", (4, 5), lambda t: nn.init.trunc_normal_(t))
    init_case("trunc_normal_args", (4, 5), lambda t: nn.init.trunc_normal_(t, mean=0.5, std=2.0, a=-1.0, b=3.0))
    init_case("trunc_normal_narrow", (40, 5), lambda t: nn.init.trunc_normal_(t, mean=0.0, std=1.0, a=1.0, b=1.5))
    init_case("orthogonal", (4, 6), lambda t: nn.init.orthogonal_(t))
    init_case("orthogonal_tall", (6, 3), lambda t: nn.init.orthogonal_(t, gain=2.0))
    init_case("eye", (3, 4), lambda t: nn.init.eye_(t))
    # the contract: Linear(784, 256) after manual_seed(s) holds Python's weights (summarised: too big)
    torch.manual_seed(7)
    big = nn.Linear(784, 256)
    w, b = big.weight.detach(), big.bias.detach()
    inits.append({"id": "linear_784_256", "seed": 7,
                  "weightHead": enc(w.reshape(-1)[:32]), "weightTail": enc(w.reshape(-1)[-32:]),
                  "weightSum": w.double().sum().item(), "weightSumSq": (w.double() ** 2).sum().item(),
                  "bias": enc(b)})
    gains = {k: nn.init.calculate_gain(k) for k in ["linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]}
    gains["leaky_relu_0.2"] = nn.init.calculate_gain("leaky_relu", 0.2)
    write("init", [{"id": "gains", "gains": gains}] + inits)


if __name__ == "__main__":
    main()
