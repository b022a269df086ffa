"""Goldens for org.jtorch.optim and optim.lr (torch 2.13.0, CPU): run from anywhere.

optimizers.json: two float32 parameters (2x3 and 3) and 20 fixed gradients per parameter; for each
optimizer configuration, the parameters (flattened, concatenated) after each of the 20 steps.
lbfgs.json: L-BFGS on the Rosenbrock function (closure), parameters and losses after each step.
schedulers.json: for each scheduler configuration, the learning rates (and momentum where the
scheduler cycles it) of every parameter group after construction and after each of 20 steps.
training.json: the loss of every step of 50 training steps (SGD+momentum, Adam) of the MLP
784-256-10 (batches of 16) and of the small CNN of the nn issue (batches of 8 images 1x28x28),
initialised after manual_seed(0), batches drawn with randn/randint after manual_seed(1).
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "optim")
STEPS = 20


def rq(*shape):
    return (torch.randn(*shape) * 8).round() / 8


def flat(params):
    return [v for p in params for v in p.detach().reshape(-1).tolist()]


def optimizers():
    torch.manual_seed(0)
    init = [rq(2, 3), rq(3)]
    grads = [[rq(2, 3), rq(3)] for _ in range(STEPS)]
    O = torch.optim
    configs = [
        ("sgd", O.SGD, dict(lr=0.1)),
        ("sgd_momentum", O.SGD, dict(lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01)),
        ("sgd_nesterov", O.SGD, dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1)),
        ("sgd_maximize", O.SGD, dict(lr=0.1, momentum=0.5, maximize=True)),
        ("adam", O.Adam, dict(lr=0.01)),
        ("adam_amsgrad", O.Adam, dict(lr=0.01, betas=(0.8, 0.99), weight_decay=0.1, amsgrad=True)),
        ("adam_maximize", O.Adam, dict(lr=0.01, maximize=True, eps=1e-6)),
        ("adamw", O.AdamW, dict(lr=0.01, weight_decay=0.1)),
        ("adamw_amsgrad", O.AdamW, dict(lr=0.01, amsgrad=True)),
        ("rmsprop", O.RMSprop, dict(lr=0.01)),
        ("rmsprop_centered", O.RMSprop, dict(lr=0.01, alpha=0.9, momentum=0.8, centered=True, weight_decay=0.05)),
        ("adagrad", O.Adagrad, dict(lr=0.1, lr_decay=0.01, weight_decay=0.05, initial_accumulator_value=0.1)),
        ("adamax", O.Adamax, dict(lr=0.02, weight_decay=0.05)),
        ("nadam", O.NAdam, dict(lr=0.01, weight_decay=0.05)),
        ("nadam_decoupled", O.NAdam, dict(lr=0.01, weight_decay=0.05, decoupled_weight_decay=True, momentum_decay=0.01)),
        ("radam", O.RAdam, dict(lr=0.01)),
        ("radam_decoupled", O.RAdam, dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
        ("sgd_groups", O.SGD, dict(lr=0.1, momentum=0.9)),
        ("adadelta", O.Adadelta, dict()),
        ("adadelta_opts", O.Adadelta, dict(lr=0.5, rho=0.8, eps=1e-4, weight_decay=0.05, maximize=True)),
        ("rprop", O.Rprop, dict()),
        ("rprop_opts", O.Rprop, dict(lr=0.05, etas=(0.4, 1.3), step_sizes=(1e-3, 0.2), maximize=True)),
    ]
    cases = []
    for cid, cls, kw in configs:
        params = [p.clone().requires_grad_() for p in init]
        kw = dict(kw, foreach=False)
        if cid == "sgd_groups":
            opt = cls([{"params": [params[0]]}, {"params": [params[1]], "lr": 0.01, "momentum": 0.5}], **kw)
        else:
            opt = cls(params, **kw)
        out = []
        for s in range(STEPS):
            for p, g in zip(params, grads[s]):
                p.grad = g.clone()
            opt.step()
            out.append(flat(params))
        cases.append({"id": cid, "params": out})
    return {"torch": torch.__version__, "init": [flat([p]) for p in init],
            "shapes": [list(p.shape) for p in init],
            "grads": [flat(g) for g in grads], "cases": cases}


def rosenbrock(x):
    return (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()


def lbfgs():
    cases = []
    for cid, kw in [("lbfgs", dict(lr=0.1, max_iter=4, history_size=3)),
                    ("lbfgs_default", dict())]:
        x = torch.tensor([-1.5, 2.0, 0.5, -0.5], requires_grad=True)
        opt = torch.optim.LBFGS([x], **kw)

        def closure():
            opt.zero_grad()
            loss = rosenbrock(x)
            loss.backward()
            return loss

        params, losses = [], []
        for _ in range(STEPS):
            losses.append(float(opt.step(closure)))
            params.append(x.detach().tolist())
        st = opt.state[x]
        cases.append({"id": cid, "params": params, "losses": losses,
                      "func_evals": st["func_evals"], "n_iter": st["n_iter"]})
    return {"torch": torch.__version__, "init": [-1.5, 2.0, 0.5, -0.5], "cases": cases}


def schedulers():
    S = torch.optim.lr_scheduler
    metrics = [1.0, 0.9, 0.95, 0.95, 0.96, 0.97, 0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.7,
               0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]

    def make(cid, opt):
        if cid == "step":
            return S.StepLR(opt, step_size=3, gamma=0.5)
        if cid == "multistep":
            return S.MultiStepLR(opt, milestones=[2, 5, 5, 11], gamma=0.3)
        if cid == "exponential":
            return S.ExponentialLR(opt, gamma=0.9)
        if cid == "cosine":
            return S.CosineAnnealingLR(opt, T_max=7, eta_min=0.001)
        if cid == "cosine_restarts":
            return S.CosineAnnealingWarmRestarts(opt, T_0=3, T_mult=2, eta_min=0.01)
        if cid == "linear":
            return S.LinearLR(opt, start_factor=0.25, end_factor=0.9, total_iters=6)
        if cid == "constant":
            return S.ConstantLR(opt, factor=0.5, total_iters=4)
        if cid == "onecycle":
            return S.OneCycleLR(opt, max_lr=[0.5, 0.2], total_steps=STEPS)
        if cid == "onecycle_linear3":
            return S.OneCycleLR(opt, max_lr=0.3, total_steps=STEPS, anneal_strategy="linear",
                                three_phase=True, pct_start=0.25)
        if cid == "cyclic":
            return S.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=3, step_size_down=2)
        if cid == "cyclic_tri2":
            return S.CyclicLR(opt, base_lr=[0.01, 0.02], max_lr=0.1, step_size_up=2, mode="triangular2")
        if cid == "cyclic_exp":
            return S.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=4, mode="exp_range",
                              gamma=0.9, cycle_momentum=False)
        if cid == "lambda":
            return S.LambdaLR(opt, lr_lambda=lambda e: 0.95 ** e)
        if cid == "lambda_list":
            return S.LambdaLR(opt, lr_lambda=[lambda e: 1.0 / (e + 1), lambda e: 0.5 * (e % 3 + 1)])
        if cid == "sequential":
            return S.SequentialLR(opt, [S.LinearLR(opt, start_factor=0.1, total_iters=4),
                                        S.ExponentialLR(opt, gamma=0.8)], milestones=[5])
        if cid == "chained":
            return S.ChainedScheduler([S.ConstantLR(opt, factor=0.2, total_iters=3),
                                       S.ExponentialLR(opt, gamma=0.9)])
        if cid == "polynomial":
            return S.PolynomialLR(opt, total_iters=6, power=2.0)
        if cid == "polynomial_default":
            return S.PolynomialLR(opt)
        if cid == "plateau":
            return S.ReduceLROnPlateau(opt, patience=2, factor=0.5, cooldown=1, min_lr=0.004)
        if cid == "plateau_max_abs":
            return S.ReduceLROnPlateau(opt, mode="max", threshold=0.05, threshold_mode="abs",
                                       patience=1, factor=0.3)
        raise ValueError(cid)

    ids = ["step", "multistep", "exponential", "cosine", "cosine_restarts", "linear", "constant",
           "onecycle", "onecycle_linear3", "cyclic", "cyclic_tri2", "cyclic_exp", "lambda",
           "lambda_list", "sequential", "chained", "plateau", "plateau_max_abs", "polynomial",
           "polynomial_default"]
    cases = []
    for cid in ids:
        a = torch.zeros(2, requires_grad=True)
        b = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.05}], lr=0.1, momentum=0.9)
        sched = make(cid, opt)
        lrs = [list(sched.get_last_lr())]
        moms = [[g["momentum"] for g in opt.param_groups]]
        for s in range(STEPS):
            opt.step()
            if cid.startswith("plateau"):
                sched.step(metrics[s])
            else:
                sched.step()
            lrs.append(list(sched.get_last_lr()))
            moms.append([g["momentum"] for g in opt.param_groups])
        cases.append({"id": cid, "lrs": lrs, "momentum": moms})
    return {"torch": torch.__version__, "metrics": metrics, "cases": cases}


def clipping():
    torch.manual_seed(1)
    grads = [rq(3, 4), rq(5), rq(2, 2, 2)]
    cases = []
    for cid, kind, a, b in [("norm2", "norm", 1.0, 2.0), ("norm1", "norm", 2.0, 1.0),
                            ("norm_inf", "norm", 0.5, math.inf), ("norm_half", "norm", 3.0, 0.5),
                            ("norm_big", "norm", 100.0, 2.0), ("value", "value", 0.3, None)]:
        ps = [torch.zeros_like(g, requires_grad=True) for g in grads]
        for p, g in zip(ps, grads):
            p.grad = g.clone()
        if kind == "norm":
            total = float(torch.nn.utils.clip_grad_norm_(ps, a, norm_type=b))
        else:
            torch.nn.utils.clip_grad_value_(ps, a)
            total = None
        cases.append({"id": cid, "kind": kind, "a": a, "b": "inf" if b == math.inf else b,
                      "total": total, "grads": [flat([p.grad]) for p in ps]})
    return {"torch": torch.__version__, "grads": [flat([g]) for g in grads],
            "shapes": [list(g.shape) for g in grads], "cases": cases}


def checkpoint():
    """python_checkpoint.pt: what Java must read; the expected values in checkpoint.json."""
    torch.manual_seed(3)
    lin = torch.nn.Linear(3, 2)
    base = torch.arange(12, dtype=torch.float64).reshape(3, 4)
    opt = torch.optim.Adam(lin.parameters(), lr=0.01, foreach=False)
    lin(torch.randn(4, 3)).sum().backward()
    opt.step()
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2)
    sched.step()
    ckpt = {
        "model": lin.state_dict(),  # an OrderedDict with _metadata
        "optimizer": opt.state_dict(),
        "scheduler": sched.state_dict(),
        "epoch": 7,
        "big": 2 ** 40,
        "neg": -5,
        "loss": 0.25,
        "name": "r\u00e9sum\u00e9",
        "flags": [True, False, None],
        "tuple": (1, 2.5, "x"),
        "transposed": base.t(),          # non-contiguous: stride (1, 4)
        "view": base[1:, 2],             # offset 6, stride 4, shares base's storage
        "base": base,
        "ints": torch.tensor([[1, -2], [3, 4]], dtype=torch.int32),
        "bools": torch.tensor([True, False, True]),
        "half": torch.tensor([1.5, -2.25], dtype=torch.float16),
        "bf16": torch.tensor([0.5, 3.0], dtype=torch.bfloat16),
        "scalar": torch.tensor(3.5),
        "empty": torch.zeros(0, 3),
        "dtype": torch.float32,
    }
    torch.save(ckpt, os.path.join(OUT, "python_checkpoint.pt"))
    torch.save(lin.state_dict(), os.path.join(OUT, "python_state_dict.pt"))
    exp = {"model": {k: {"shape": list(v.shape), "data": v.reshape(-1).tolist()} for k, v in lin.state_dict().items()},
           "exp_avg_weight": opt.state_dict()["state"][0]["exp_avg"].reshape(-1).tolist(),
           "lr": opt.param_groups[0]["lr"]}
    return {"torch": torch.__version__, "cases": [], "expected": exp}


def training():
    """MLP 784-256-10 and the small CNN, 50 steps of SGD+momentum and of Adam on seeded batches."""
    cases = []
    for cid in ["sgd", "adam"]:
        torch.manual_seed(0)
        model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
        if cid == "sgd":
            opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, foreach=False)
        else:
            opt = torch.optim.Adam(model.parameters(), lr=1e-3, foreach=False)
        torch.manual_seed(1)
        losses = []
        for _ in range(50):
            x = torch.randn(16, 784)
            y = torch.randint(0, 10, (16,))
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        cases.append({"id": "mlp_" + cid, "losses": losses})
    # the small CNN of the nn issue, batches of 8 images 1x28x28 drawn after seed 1
    for cid in ["sgd", "adam"]:
        torch.manual_seed(0)
        model = small_cnn()
        if cid == "sgd":
            opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, foreach=False)
        else:
            opt = torch.optim.Adam(model.parameters(), lr=1e-3, foreach=False)
        torch.manual_seed(1)
        losses = []
        for _ in range(50):
            x = torch.randn(8, 1, 28, 28)
            y = torch.randint(0, 10, (8,))
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        cases.append({"id": "cnn_" + cid, "losses": losses})
    return {"torch": torch.__version__, "cases": cases}


def small_cnn():
    nn = torch.nn
    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(data, f, allow_nan=False)
        f.write("\n")
    print(name, len(data["cases"]), "cases")


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    write("optimizers", optimizers())
    write("lbfgs", lbfgs())
    write("schedulers", schedulers())
    write("clip", clipping())
    write("checkpoint", checkpoint())
    write("training", training())
