"""Goldens for the losses of org.jtorch.nn (modules and F). Run: python3 gen_nn_loss.py (torch 2.13.0)
-> ../resources/golden/nn/loss.json.

Each case is a module_case whose inputs hold the loss's inputs and targets in forward order (floating
ones get grads, integer targets none). The id names the Java replay: "<loss>_<variant>_<reduction>".
"""
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

from nn_common import error_case, module_case, rq, write


def case(*args, **kwargs):
    """module_case with a grad seed whose first draw is -1.625: with the default seed, the gradient
    fed to a 0-d loss would be 0 and every mean/sum case would check zero gradients."""
    kwargs.setdefault("grad_seed", 4)
    module_case(*args, **kwargs)

REDS = ["none", "mean", "sum"]
F64 = torch.float64


def probs(*shape, dtype=torch.float32):
    """Rows of class probabilities (softmax over dim 1, or dim 0 for 1-D), rounded then renormalised."""
    p = rq(*shape, dtype=F64).softmax(1 if len(shape) > 1 else 0)
    return p.to(dtype)


def main():
    warnings.simplefilter("ignore")
    cases = []
    torch.manual_seed(2024)

    # ---- regression losses: MSE, L1, SmoothL1 (beta), Huber (delta)
    x, y = rq(3, 4, scale=2.0), rq(3, 4, scale=2.0)
    for red in REDS:
        case(cases, f"mse_{red}", 0, lambda: nn.MSELoss(reduction=red), [x, y])
        case(cases, f"l1_{red}", 0, lambda: nn.L1Loss(reduction=red), [x, y])
        case(cases, f"smooth_l1_{red}", 0, lambda: nn.SmoothL1Loss(reduction=red), [x, y])
        case(cases, f"smooth_l1_beta0.5_{red}", 0, lambda: nn.SmoothL1Loss(reduction=red, beta=0.5), [x, y])
        case(cases, f"huber_{red}", 0, lambda: nn.HuberLoss(reduction=red), [x, y])
        case(cases, f"huber_delta0.5_{red}", 0, lambda: nn.HuberLoss(reduction=red, delta=0.5), [x, y])
    case(cases, "smooth_l1_beta0_mean", 0, lambda: nn.SmoothL1Loss(beta=0.0), [x, y])
    # a target that broadcasts: PyTorch only warns, and the target's grad is summed back
    yb = rq(4)
    case(cases, "mse_broadcast_mean", 0, lambda: nn.MSELoss(), [x, yb])
    case(cases, "l1_broadcast_none", 0, lambda: nn.L1Loss(reduction="none"), [x, yb])
    case(cases, "huber_broadcast_sum", 0, lambda: nn.HuberLoss(reduction="sum"), [x, yb])
    case(cases, "smooth_l1_broadcast_mean", 0, lambda: nn.SmoothL1Loss(), [x, yb])
    x64, y64 = rq(2, 5, dtype=F64, scale=2.0), rq(2, 5, dtype=F64, scale=2.0)
    case(cases, "mse_double_mean", 0, lambda: nn.MSELoss(), [x64, y64], tol=1e-10)
    case(cases, "smooth_l1_double_sum", 0, lambda: nn.SmoothL1Loss(reduction="sum", beta=0.5), [x64, y64],
                tol=1e-10)
    case(cases, "huber_double_none", 0, lambda: nn.HuberLoss(reduction="none", delta=2.0), [x64, y64],
                tol=1e-10)

    # ---- CrossEntropy and NLL
    logits = rq(6, 5, scale=2.0)
    cls = torch.tensor([0, 4, 2, 1, 2, 3])
    w = torch.tensor([0.5, 1.0, 2.0, 1.5, 0.25])
    pt = probs(6, 5)
    logits_k = rq(2, 5, 3, 2, scale=2.0)
    cls_k = torch.randint(0, 5, (2, 3, 2))
    cls_k[0, 1, 1] = 1  # an ignore_index=1 hit
    pt_k = rq(2, 5, 3, 2, dtype=F64).softmax(1).float()
    for red in REDS:
        case(cases, f"ce_{red}", 0, lambda: nn.CrossEntropyLoss(reduction=red), [logits, cls])
        case(cases, f"ce_weight_{red}", 0, lambda: nn.CrossEntropyLoss(weight=w, reduction=red), [logits, cls])
        case(cases, f"ce_ignore_{red}", 0, lambda: nn.CrossEntropyLoss(ignore_index=2, reduction=red),
                    [logits, cls])
        case(cases, f"ce_smooth_{red}", 0, lambda: nn.CrossEntropyLoss(label_smoothing=0.1, reduction=red),
                    [logits, cls])
        case(cases, f"ce_all_{red}", 0,
                    lambda: nn.CrossEntropyLoss(weight=w, ignore_index=2, label_smoothing=0.2, reduction=red),
                    [logits, cls])
        case(cases, f"ce_probs_{red}", 0, lambda: nn.CrossEntropyLoss(reduction=red), [logits, pt])
        case(cases, f"ce_probs_weight_smooth_{red}", 0,
                    lambda: nn.CrossEntropyLoss(weight=w, label_smoothing=0.15, reduction=red), [logits, pt])
        case(cases, f"ce_kdim_{red}", 0,
                    lambda: nn.CrossEntropyLoss(weight=w, ignore_index=1, reduction=red), [logits_k, cls_k])
        case(cases, f"ce_kdim_probs_{red}", 0, lambda: nn.CrossEntropyLoss(reduction=red), [logits_k, pt_k])
        case(cases, f"nll_{red}", 0, lambda: nn.NLLLoss(reduction=red), [logits, cls])
        case(cases, f"nll_weight_ignore_{red}", 0,
                    lambda: nn.NLLLoss(weight=w, ignore_index=4, reduction=red), [logits, cls])
        case(cases, f"nll_kdim_{red}", 0, lambda: nn.NLLLoss(weight=w, reduction=red), [logits_k, cls_k])
    case(cases, "ce_unbatched_mean", 0, lambda: nn.CrossEntropyLoss(), [rq(5), torch.tensor(3)])
    case(cases, "ce_all_ignored_mean", 0, lambda: nn.CrossEntropyLoss(ignore_index=7),
                [rq(2, 4), torch.tensor([7, 7])])
    case(cases, "ce_double_mean", 0, lambda: nn.CrossEntropyLoss(weight=w.double(), label_smoothing=0.1),
                [logits.double(), cls], tol=1e-10)
    case(cases, "nll_double_sum", 0, lambda: nn.NLLLoss(reduction="sum"), [logits.double(), cls], tol=1e-10)

    # ---- BCE and BCE with logits
    bx = rq(3, 4, dtype=F64).sigmoid().float()
    by = torch.tensor([[0.0, 1.0, 1.0, 0.0], [1.0, 0.25, 0.0, 1.0], [0.5, 0.0, 1.0, 0.75]])
    bw = torch.tensor([1.0, 2.0, 0.5, 3.0])
    lx = rq(3, 4, scale=2.0)
    pw = torch.tensor([2.0, 0.5, 1.0, 4.0])
    for red in REDS:
        case(cases, f"bce_{red}", 0, lambda: nn.BCELoss(reduction=red), [bx, by])
        case(cases, f"bce_weight_{red}", 0, lambda: nn.BCELoss(weight=bw, reduction=red), [bx, by])
        case(cases, f"bce_logits_{red}", 0, lambda: nn.BCEWithLogitsLoss(reduction=red), [lx, by])
        case(cases, f"bce_logits_weight_{red}", 0, lambda: nn.BCEWithLogitsLoss(weight=bw, reduction=red),
                    [lx, by])
        case(cases, f"bce_logits_pos_{red}", 0, lambda: nn.BCEWithLogitsLoss(pos_weight=pw, reduction=red),
                    [lx, by])
        case(cases, f"bce_logits_both_{red}", 0,
                    lambda: nn.BCEWithLogitsLoss(weight=bw, pos_weight=pw, reduction=red), [lx, by])
    case(cases, "bce_saturated_mean", 0, lambda: nn.BCELoss(), [torch.tensor([0.0, 1.0, 0.5]),
                                                                     torch.tensor([1.0, 0.0, 1.0])])
    case(cases, "bce_double_mean", 0, lambda: nn.BCELoss(weight=bw.double()), [bx.double(), by.double()],
                tol=1e-10)
    case(cases, "bce_logits_double_sum", 0, lambda: nn.BCEWithLogitsLoss(pos_weight=pw.double(),
                                                                                reduction="sum"),
                [lx.double(), by.double()], tol=1e-10)

    # ---- KL divergence
    kin = probs(4, 5).log()
    kt = probs(4, 5)
    for red in REDS + ["batchmean"]:
        case(cases, f"kl_{red}", 0, lambda: nn.KLDivLoss(reduction=red), [kin, kt])
        case(cases, f"kl_logtarget_{red}", 0, lambda: nn.KLDivLoss(reduction=red, log_target=True),
                    [kin, kt.log()])
    case(cases, "kl_double_batchmean", 0, lambda: nn.KLDivLoss(reduction="batchmean"),
                [kin.double(), kt.double()], tol=1e-10)

    # ---- margin ranking, triplet, cosine embedding
    m1, m2 = rq(6), rq(6)
    my = torch.tensor([1.0, -1.0, 1.0, 1.0, -1.0, -1.0])
    a, p, n = rq(4, 6), rq(4, 6), rq(4, 6)
    c1, c2 = rq(5, 6), rq(5, 6)
    cy = torch.tensor([1, -1, 1, -1, -1])
    for red in REDS:
        case(cases, f"margin_ranking_{red}", 0, lambda: nn.MarginRankingLoss(reduction=red), [m1, m2, my],
                    forward=lambda m, i1, i2, t: m(i1, i2, t))
        case(cases, f"margin_ranking_0.5_{red}", 0, lambda: nn.MarginRankingLoss(0.5, reduction=red),
                    [m1, m2, my], forward=lambda m, i1, i2, t: m(i1, i2, t))
        case(cases, f"triplet_{red}", 0, lambda: nn.TripletMarginLoss(reduction=red), [a, p, n],
                    forward=lambda m, i1, i2, i3: m(i1, i2, i3))
        case(cases, f"triplet_opts_{red}", 0,
                    lambda: nn.TripletMarginLoss(margin=2.0, p=1.0, eps=1e-3, swap=True, reduction=red), [a, p, n],
                    forward=lambda m, i1, i2, i3: m(i1, i2, i3))
        case(cases, f"cosine_{red}", 0, lambda: nn.CosineEmbeddingLoss(reduction=red), [c1, c2, cy],
                    forward=lambda m, i1, i2, t: m(i1, i2, t))
        case(cases, f"cosine_0.2_{red}", 0, lambda: nn.CosineEmbeddingLoss(0.2, reduction=red), [c1, c2, cy],
                    forward=lambda m, i1, i2, t: m(i1, i2, t))
    case(cases, "triplet_swap_double_mean", 0, lambda: nn.TripletMarginLoss(swap=True),
                [a.double(), p.double(), n.double()], forward=lambda m, i1, i2, i3: m(i1, i2, i3), tol=1e-10)

    # ---- CTC: log_softmax is applied inside forward (in Java too) so the inputs are raw scores
    T, N, C = 6, 2, 4
    scores = rq(T, N, C, scale=2.0)
    padded = torch.tensor([[1, 2, 2], [3, 1, 0]])
    concat = torch.tensor([1, 2, 2, 3, 1])
    il, tl = torch.tensor([6, 5]), torch.tensor([3, 2])

    def ctc(m, s, t, i, l):
        return m(s.log_softmax(-1), t, i, l)

    for red in REDS:
        case(cases, f"ctc_padded_{red}", 0, lambda: nn.CTCLoss(reduction=red), [scores, padded, il, tl],
                    forward=ctc)
        case(cases, f"ctc_concat_{red}", 0, lambda: nn.CTCLoss(reduction=red), [scores, concat, il, tl],
                    forward=ctc)
        case(cases, f"ctc_blank3_{red}", 0, lambda: nn.CTCLoss(blank=3, reduction=red),
                    [scores, torch.tensor([[1, 2, 2], [0, 1, 0]]), il, tl], forward=ctc)
        # the second sequence cannot align (3 labels with a repeat need 4 frames, it has 3): inf
        case(cases, f"ctc_zero_inf_{red}", 0, lambda: nn.CTCLoss(reduction=red, zero_infinity=True),
                    [scores, torch.tensor([[1, 2], [2, 2]]), torch.tensor([6, 2]), torch.tensor([2, 2])],
                    forward=ctc)
    case(cases, "ctc_inf_sum", 0, lambda: nn.CTCLoss(reduction="sum"),
                [scores, torch.tensor([[1, 2], [2, 2]]), torch.tensor([6, 2]), torch.tensor([2, 2])], forward=ctc)
    case(cases, "ctc_unbatched_mean", 0, lambda: nn.CTCLoss(), [rq(T, C), torch.tensor([1, 2, 2]), torch.tensor(6),
                                                               torch.tensor(3)], forward=ctc)
    case(cases, "ctc_double_mean", 0, lambda: nn.CTCLoss(), [scores.double(), padded, il, tl], forward=ctc,
                tol=1e-10)

    # ---- misuse: PyTorch's errors
    error_case(cases, "err_ce_target_out_of_range", 0, lambda: nn.CrossEntropyLoss(),
               [logits, torch.tensor([0, 1, 5, 2, 0, 0])])
    error_case(cases, "err_ce_negative_target", 0, lambda: nn.CrossEntropyLoss(),
               [logits, torch.tensor([0, 1, -3, 2, 0, 0])])
    error_case(cases, "err_ce_batch_mismatch", 0, lambda: nn.CrossEntropyLoss(), [logits, torch.tensor([0, 1, 2])])
    error_case(cases, "err_nll_float_target", 0, lambda: nn.NLLLoss(), [logits, cls.float()])
    error_case(cases, "err_mse_shapes", 0, lambda: nn.MSELoss(), [rq(3, 4), rq(3, 5)])
    error_case(cases, "err_bce_out_of_range", 0, lambda: nn.BCELoss(),
               [torch.tensor([0.5, 1.5]), torch.tensor([0.0, 1.0])])
    error_case(cases, "err_bce_size", 0, lambda: nn.BCELoss(), [torch.tensor([0.5, 0.5]), torch.tensor([[0.0, 1.0]])])
    error_case(cases, "err_bce_logits_size", 0, lambda: nn.BCEWithLogitsLoss(),
               [torch.tensor([0.5, 0.5]), torch.tensor([[0.0, 1.0]])])
    lp = scores.log_softmax(2)
    error_case(cases, "err_ctc_input_lengths_size", 0, lambda: nn.CTCLoss(),
               [lp, padded, torch.tensor([6, 5, 4]), tl])
    error_case(cases, "err_ctc_target_too_long", 0, lambda: nn.CTCLoss(), [lp, padded, il, torch.tensor([4, 2])])
    error_case(cases, "err_ctc_input_too_long", 0, lambda: nn.CTCLoss(), [lp, padded, torch.tensor([7, 5]), tl])
    error_case(cases, "err_ctc_float_lengths", 0, lambda: nn.CTCLoss(), [lp, padded, torch.tensor([6.0, 5.0]), tl])
    error_case(cases, "err_margin_ranking_dims", 0, lambda: nn.MarginRankingLoss(), [rq(3), rq(3, 1), rq(3)])
    error_case(cases, "err_triplet_dims", 0, lambda: nn.TripletMarginLoss(), [rq(3, 2), rq(3), rq(3, 2)])
    error_case(cases, "err_triplet_margin", 0, lambda: nn.TripletMarginLoss(), [rq(3, 2), rq(3, 2), rq(3, 2)],
               forward=lambda m, a, p, n: F.triplet_margin_loss(a, p, n, margin=0.0))
    error_case(cases, "err_kl_shapes", 0, lambda: nn.KLDivLoss(), [rq(3, 2), rq(3, 3)])

    # ---- Poisson and Gaussian NLL, the margin losses (drawn after everything above, which stays as it was)
    two = lambda m, a, b: m(a, b)  # noqa: E731
    rate, counts = rq(3, 4), torch.tensor([[0., 1., 3., 2.], [5., 0., 1., 7.], [2., 2., 0., 1.]])
    mu, tgt, var = rq(4, 3), rq(4, 3), rq(4, 3).abs() + 0.1
    scores, cls3 = rq(5, 4), torch.tensor([0, 3, 1, 2, 3])
    pm, pm_y = rq(3, 5), torch.tensor([[1., -1., 1., 1., -1.], [-1., -1., 1., 1., 1.], [1., 1., -1., 1., -1.]])
    dist, dist_y = rq(6).abs(), torch.tensor([1., -1., -1., 1., -1., 1.])
    ml, ml_y = rq(3, 4), torch.tensor([[3, 0, -1, 1], [1, 2, 3, -1], [0, -1, 2, 3]])
    mls_y = torch.tensor([[1., 0., 1., 0.], [0., 0., 1., 1.], [1., 1., 1., 0.]])
    for red in REDS:
        case(cases, f"poisson_{red}", 0, lambda: nn.PoissonNLLLoss(reduction=red), [rate, counts], forward=two)
        case(cases, f"poisson_full_rate_{red}", 0,
             lambda: nn.PoissonNLLLoss(log_input=False, full=True, eps=1e-3, reduction=red),
             [rate.abs() + 0.25, counts], forward=two)
        case(cases, f"gaussian_{red}", 0, lambda: nn.GaussianNLLLoss(reduction=red), [mu, tgt, var],
             forward=lambda m, a, b, v: m(a, b, v))
        case(cases, f"gaussian_full_lastdim_{red}", 0,
             lambda: nn.GaussianNLLLoss(full=True, eps=0.3, reduction=red), [mu, tgt, var[:, 0].contiguous()],
             forward=lambda m, a, b, v: m(a, b, v))
        case(cases, f"multi_margin_{red}", 0, lambda: nn.MultiMarginLoss(reduction=red), [scores, cls3],
             forward=two)
        case(cases, f"multi_margin_p2_weight_{red}", 0,
             lambda: nn.MultiMarginLoss(p=2, margin=0.5, weight=torch.tensor([1.0, 2.0, 0.5, 1.5]), reduction=red),
             [scores, cls3], forward=two)
        # soft_margin_loss has no gradient for its target: the target goes in detached
        case(cases, f"soft_margin_{red}", 0, lambda: nn.SoftMarginLoss(reduction=red), [pm, pm_y],
             forward=lambda m, a, b: m(a, b.detach()))
        case(cases, f"hinge_{red}", 0, lambda: nn.HingeEmbeddingLoss(reduction=red), [dist, dist_y], forward=two)
        case(cases, f"hinge_0.5_{red}", 0, lambda: nn.HingeEmbeddingLoss(0.5, reduction=red), [dist, dist_y],
             forward=two)
        case(cases, f"multilabel_margin_{red}", 0, lambda: nn.MultiLabelMarginLoss(reduction=red), [ml, ml_y],
             forward=two)
        case(cases, f"multilabel_soft_{red}", 0, lambda: nn.MultiLabelSoftMarginLoss(reduction=red), [ml, mls_y],
             forward=two)
        case(cases, f"multilabel_soft_weight_{red}", 0,
             lambda: nn.MultiLabelSoftMarginLoss(weight=torch.tensor([1.0, 0.5, 2.0, 1.0]), reduction=red),
             [ml, mls_y], forward=two)
    case(cases, "gaussian_hetero_mean", 0, lambda: nn.GaussianNLLLoss(), [mu, tgt, var[:, :1].contiguous()],
         forward=lambda m, a, b, v: m(a, b, v))
    error_case(cases, "err_gaussian_var_size", 0, lambda: nn.GaussianNLLLoss(), [mu, tgt, rq(2, 3).abs()],
               forward=lambda m, a, b, v: m(a, b, v))
    error_case(cases, "err_gaussian_negative_var", 0, lambda: nn.GaussianNLLLoss(), [mu, tgt, -var],
               forward=lambda m, a, b, v: m(a, b, v))
    error_case(cases, "err_multi_margin_target", 0, lambda: nn.MultiMarginLoss(), [scores, cls3 + 2],
               forward=two)
    write("loss", cases)


if __name__ == "__main__":
    main()
