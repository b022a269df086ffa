"""Goldens for org.jtorch.nn convolution, pooling, normalisation, padding and resampling layers and
their F forms. Run: python3 gen_nn_conv.py (torch 2.13.0) -> ../resources/golden/nn/conv.json, pool.json,
norm.json, resample.json, and cnn.json (the issue's small CNN, summarised)."""
import re

import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import enc
from nn_common import error_case, module_case, rq, write


def ctor_error(errors, cid, make):
    """A constructor that must fail: PyTorch raises in Python code (ValueError)."""
    try:
        make()
    except (ValueError, RuntimeError) as e:
        message = str(e).split("\n")[0]
        # Python prints sets in a hash-dependent order: sort them so the file is reproducible
        message = re.sub(r"\{([^}]*)\}", lambda m: "{" + ", ".join(sorted(m.group(1).split(", "))) + "}", message)
        errors.append({"id": cid, "error": type(e).__name__, "message": message})
        return
    raise AssertionError(cid + " did not fail")


def conv_cases(cases):
    torch.manual_seed(200)
    module_case(cases, "conv1d", 0, lambda: nn.Conv1d(3, 4, 3), [rq(2, 3, 10)])
    module_case(cases, "conv1d_opts", 1,
                lambda: nn.Conv1d(4, 6, 3, stride=2, padding=1, dilation=2, groups=2, bias=False), [rq(2, 4, 11)])
    module_case(cases, "conv1d_same_reflect", 2, lambda: nn.Conv1d(2, 3, 4, padding="same", padding_mode="reflect"),
                [rq(2, 2, 9)])
    module_case(cases, "conv1d_replicate", 2, lambda: nn.Conv1d(2, 3, 3, padding=2, padding_mode="replicate"),
                [rq(2, 2, 6)])
    module_case(cases, "conv2d", 3, lambda: nn.Conv2d(3, 4, 3), [rq(2, 3, 5, 5)])
    module_case(cases, "conv2d_stride_pad", 4, lambda: nn.Conv2d(2, 4, (3, 2), stride=(2, 1), padding=(1, 2)),
                [rq(2, 2, 7, 6)])
    module_case(cases, "conv2d_depthwise", 5, lambda: nn.Conv2d(4, 4, 3, dilation=2, groups=4, bias=False),
                [rq(1, 4, 7, 7)])
    module_case(cases, "conv2d_groups", 5, lambda: nn.Conv2d(4, 6, 2, groups=2), [rq(1, 4, 5, 5)])
    module_case(cases, "conv2d_same", 6, lambda: nn.Conv2d(2, 3, (3, 4), padding="same", dilation=(1, 2)),
                [rq(2, 2, 6, 7)])
    module_case(cases, "conv2d_valid", 7, lambda: nn.Conv2d(2, 3, 3, padding="valid"), [rq(1, 2, 5, 5)])
    module_case(cases, "conv2d_reflect", 8, lambda: nn.Conv2d(2, 3, 3, padding=(1, 2), padding_mode="reflect"),
                [rq(2, 2, 5, 6)])
    module_case(cases, "conv2d_replicate", 8, lambda: nn.Conv2d(2, 3, 3, padding=1, padding_mode="replicate"),
                [rq(2, 2, 5, 6)])
    module_case(cases, "conv2d_circular", 8, lambda: nn.Conv2d(2, 3, 3, stride=2, padding=(2, 1),
                                                                 padding_mode="circular"), [rq(2, 2, 5, 6)])
    module_case(cases, "conv2d_same_circular", 9,
                lambda: nn.Conv2d(2, 3, 4, padding="same", padding_mode="circular"), [rq(1, 2, 5, 6)])
    module_case(cases, "conv2d_unbatched", 10, lambda: nn.Conv2d(2, 3, 3, padding=1), [rq(2, 4, 4)])
    module_case(cases, "conv2d_double", 11, lambda: nn.Conv2d(2, 3, 3, stride=2).double(),
                [rq(2, 2, 7, 7, dtype=torch.float64)], tol=1e-10)
    module_case(cases, "conv3d", 12, lambda: nn.Conv3d(2, 3, (2, 3, 3), stride=(1, 2, 1), padding=1),
                [rq(1, 2, 3, 4, 4)])
    module_case(cases, "conv3d_same_groups", 12, lambda: nn.Conv3d(2, 4, 3, padding="same", groups=2, bias=False),
                [rq(1, 2, 3, 4, 4)])
    module_case(cases, "conv_transpose1d", 13, lambda: nn.ConvTranspose1d(3, 2, 3, stride=2, padding=1,
                                                                          output_padding=1), [rq(2, 3, 5)])
    module_case(cases, "conv_transpose2d", 14, lambda: nn.ConvTranspose2d(4, 2, 3), [rq(2, 4, 4, 4)])
    module_case(cases, "conv_transpose2d_opts", 15,
                lambda: nn.ConvTranspose2d(4, 6, (3, 2), stride=2, padding=(1, 0), output_padding=(1, 0), groups=2,
                                           dilation=(1, 2), bias=False), [rq(1, 4, 3, 3)])
    module_case(cases, "conv_transpose2d_output_size", 16, lambda: nn.ConvTranspose2d(2, 3, 3, stride=2),
                [rq(1, 2, 4, 4)], forward=lambda m, x: m(x, output_size=[10, 9]))
    module_case(cases, "conv_transpose2d_double", 17, lambda: nn.ConvTranspose2d(2, 2, 2, stride=2).double(),
                [rq(1, 2, 3, 3, dtype=torch.float64)], tol=1e-10)
    # functional forms, weights as inputs (their grads are input grads)
    module_case(cases, "f_conv2d_same", 18, lambda: nn.Identity(), [rq(1, 2, 5, 5), rq(3, 2, 2, 3), rq(3)],
                forward=lambda m, x, w, b: F.conv2d(x, w, b, padding="same"))
    module_case(cases, "f_conv1d", 18, lambda: nn.Identity(), [rq(2, 4, 7), rq(2, 2, 3)],
                forward=lambda m, x, w: F.conv1d(x, w, None, stride=2, padding=1, groups=2))
    module_case(cases, "f_conv_transpose2d", 18, lambda: nn.Identity(), [rq(1, 2, 3, 3), rq(2, 3, 3, 3), rq(3)],
                forward=lambda m, x, w, b: F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1))
    error_case(cases, "conv2d_wrong_channels", 3, lambda: nn.Conv2d(3, 4, 3), [rq(1, 2, 5, 5)])
    error_case(cases, "conv2d_kernel_too_big", 3, lambda: nn.Conv2d(1, 1, 5), [rq(1, 1, 3, 3)])
    error_case(cases, "conv2d_2d_input", 3, lambda: nn.Conv2d(1, 1, 2), [rq(3, 3)])
    error_case(cases, "conv_transpose2d_bad_output_size", 16, lambda: nn.ConvTranspose2d(2, 3, 3, stride=2),
               [rq(1, 2, 4, 4)], forward=lambda m, x: m(x, output_size=[12, 9]))


def pool_cases(cases):
    torch.manual_seed(300)
    module_case(cases, "maxpool1d", 0, lambda: nn.MaxPool1d(2), [rq(2, 3, 9)])
    module_case(cases, "maxpool1d_opts", 0,
                lambda: nn.MaxPool1d(3, stride=2, padding=1, dilation=2, ceil_mode=True), [rq(2, 3, 10)])
    module_case(cases, "maxpool2d", 0, lambda: nn.MaxPool2d(2), [rq(2, 3, 6, 6)])
    module_case(cases, "maxpool2d_stride", 0, lambda: nn.MaxPool2d(3, 2), [rq(1, 2, 7, 7)])
    module_case(cases, "maxpool2d_opts", 0,
                lambda: nn.MaxPool2d((3, 2), stride=(2, 1), padding=1, dilation=(1, 2), ceil_mode=True),
                [rq(2, 2, 7, 8)])
    module_case(cases, "maxpool2d_indices", 0, lambda: nn.MaxPool2d(3, stride=2, padding=1, return_indices=True),
                [rq(1, 2, 6, 5)])
    module_case(cases, "maxpool1d_indices", 0, lambda: nn.MaxPool1d(2, return_indices=True), [rq(1, 2, 7)])
    module_case(cases, "avgpool1d", 0, lambda: nn.AvgPool1d(3), [rq(2, 3, 10)])
    module_case(cases, "avgpool1d_opts", 0,
                lambda: nn.AvgPool1d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
                [rq(2, 3, 10)])
    module_case(cases, "avgpool2d", 0, lambda: nn.AvgPool2d(2), [rq(2, 3, 6, 6)])
    module_case(cases, "avgpool2d_opts", 0,
                lambda: nn.AvgPool2d((3, 2), stride=(2, 1), padding=1, ceil_mode=True, count_include_pad=False),
                [rq(2, 2, 7, 6)])
    module_case(cases, "avgpool2d_divisor", 0, lambda: nn.AvgPool2d(3, stride=2, padding=1, divisor_override=5),
                [rq(1, 2, 6, 6)])
    module_case(cases, "adaptive_avgpool1d", 0, lambda: nn.AdaptiveAvgPool1d(4), [rq(2, 3, 10)])
    module_case(cases, "adaptive_avgpool2d", 0, lambda: nn.AdaptiveAvgPool2d((3, 2)), [rq(2, 3, 7, 5)])
    module_case(cases, "adaptive_avgpool2d_1", 0, lambda: nn.AdaptiveAvgPool2d(1), [rq(2, 3, 4, 5)])
    module_case(cases, "adaptive_maxpool2d", 0, lambda: nn.AdaptiveMaxPool2d((3, 2)), [rq(2, 3, 7, 5)])
    module_case(cases, "adaptive_maxpool2d_indices", 0, lambda: nn.AdaptiveMaxPool2d(2, return_indices=True),
                [rq(1, 2, 5, 5)])
    module_case(cases, "maxpool2d_double", 0, lambda: nn.MaxPool2d(2, padding=1),
                [rq(1, 2, 5, 5, dtype=torch.float64)], tol=1e-10)
    error_case(cases, "maxpool2d_kernel_too_big", 0, lambda: nn.MaxPool2d(5), [rq(1, 1, 3, 3)])
    error_case(cases, "avgpool2d_pad_too_big", 0, lambda: nn.AvgPool2d(2, padding=2), [rq(1, 1, 6, 6)])
    error_case(cases, "maxpool2d_1d_input", 0, lambda: nn.MaxPool2d(2), [rq(6)])
    # 3-D pooling (drawn last, so the cases above keep their inputs)
    module_case(cases, "maxpool3d", 0, lambda: nn.MaxPool3d(2), [rq(2, 2, 4, 4, 4)])
    module_case(cases, "maxpool3d_opts", 0,
                lambda: nn.MaxPool3d((3, 2, 2), stride=(2, 1, 2), padding=(1, 0, 1), dilation=(1, 2, 1),
                                     ceil_mode=True), [rq(1, 2, 5, 6, 5)])
    module_case(cases, "maxpool3d_indices", 0, lambda: nn.MaxPool3d(2, return_indices=True), [rq(1, 2, 4, 4, 4)])
    module_case(cases, "avgpool3d", 0, lambda: nn.AvgPool3d(2), [rq(2, 2, 4, 4, 4)])
    module_case(cases, "avgpool3d_opts", 0,
                lambda: nn.AvgPool3d((3, 2, 2), stride=2, padding=1, ceil_mode=True, count_include_pad=False,
                                     divisor_override=None), [rq(1, 2, 5, 6, 5)])
    module_case(cases, "avgpool3d_divisor", 0, lambda: nn.AvgPool3d(2, divisor_override=3), [rq(1, 3, 4, 4, 4)])
    module_case(cases, "maxpool3d_unbatched", 0, lambda: nn.MaxPool3d(2), [rq(2, 4, 4, 4)])
    error_case(cases, "maxpool3d_2d_input", 0, lambda: nn.MaxPool3d(2), [rq(3, 3)])


def bn_train_eval(m, x):
    """Training forward (updates the running statistics), then an eval forward that uses them."""
    a = m(x)
    m.eval()
    b = m(x * 0.5 + 1)
    return a, b


def bn_three(m, x):
    """Three training forwards: the cumulative average (momentum None) takes 1/1, 1/2, 1/3."""
    return m(x), m(x * 2 - 1), m(x + 0.5)


def norm_cases(cases):
    torch.manual_seed(400)
    module_case(cases, "bn1d_train", 0, lambda: nn.BatchNorm1d(4), [rq(8, 4)])
    module_case(cases, "bn1d_3d_train", 0, lambda: nn.BatchNorm1d(3), [rq(4, 3, 5)])
    module_case(cases, "bn1d_eval", 0, lambda: nn.BatchNorm1d(4), [rq(8, 4)], train=False)
    module_case(cases, "bn1d_train_eval", 0, lambda: nn.BatchNorm1d(4, momentum=0.3), [rq(6, 4)],
                forward=bn_train_eval)
    module_case(cases, "bn2d_train", 0, lambda: nn.BatchNorm2d(3), [rq(4, 3, 3, 3)])
    module_case(cases, "bn2d_train_eval", 0, lambda: nn.BatchNorm2d(3, eps=1e-3), [rq(4, 3, 3, 3)],
                forward=bn_train_eval)
    module_case(cases, "bn2d_momentum_none", 0, lambda: nn.BatchNorm2d(3, momentum=None), [rq(2, 3, 2, 3)],
                forward=bn_three)
    module_case(cases, "bn2d_no_affine", 0, lambda: nn.BatchNorm2d(3, affine=False), [rq(2, 3, 2, 3)],
                forward=bn_train_eval)
    module_case(cases, "bn2d_no_track", 0, lambda: nn.BatchNorm2d(3, track_running_stats=False),
                [rq(2, 3, 2, 3)], forward=bn_train_eval)
    module_case(cases, "bn2d_no_track_eval", 0, lambda: nn.BatchNorm2d(3, track_running_stats=False),
                [rq(2, 3, 2, 3)], train=False)
    module_case(cases, "bn2d_no_bias", 0, lambda: nn.BatchNorm2d(3, bias=False), [rq(2, 3, 2, 3)])
    module_case(cases, "bn2d_double", 0, lambda: nn.BatchNorm2d(3).double(), [rq(3, 3, 2, 2, dtype=torch.float64)],
                forward=bn_train_eval, tol=1e-10)
    module_case(cases, "layernorm", 0, lambda: nn.LayerNorm(6), [rq(3, 6)])
    module_case(cases, "layernorm_2d", 0, lambda: nn.LayerNorm((3, 4)), [rq(2, 3, 4)])
    module_case(cases, "layernorm_no_affine", 0, lambda: nn.LayerNorm(5, elementwise_affine=False), [rq(2, 3, 5)])
    module_case(cases, "layernorm_no_bias", 0, lambda: nn.LayerNorm(5, eps=1e-3, bias=False), [rq(4, 5)])
    module_case(cases, "layernorm_double", 0, lambda: nn.LayerNorm(4).double(), [rq(3, 4, dtype=torch.float64)],
                tol=1e-10)
    module_case(cases, "groupnorm", 0, lambda: nn.GroupNorm(2, 4), [rq(3, 4, 5)])
    module_case(cases, "groupnorm_no_affine", 0, lambda: nn.GroupNorm(3, 6, eps=1e-3, affine=False),
                [rq(2, 6, 2, 2)])
    module_case(cases, "groupnorm_4d", 0, lambda: nn.GroupNorm(1, 3), [rq(2, 3, 3, 2)])
    module_case(cases, "instancenorm2d", 0, lambda: nn.InstanceNorm2d(3), [rq(2, 3, 4, 4)])
    module_case(cases, "instancenorm2d_affine_track", 0,
                lambda: nn.InstanceNorm2d(3, affine=True, track_running_stats=True), [rq(2, 3, 3, 4)],
                forward=bn_train_eval)
    module_case(cases, "instancenorm2d_unbatched", 0, lambda: nn.InstanceNorm2d(3, affine=True), [rq(3, 4, 4)])
    module_case(cases, "instancenorm2d_eval", 0, lambda: nn.InstanceNorm2d(3), [rq(2, 3, 4, 4)], train=False)
    # functional forms
    module_case(cases, "f_batch_norm", 0, lambda: nn.Identity(), [rq(4, 3), rq(3), rq(3)],
                forward=lambda m, x, w, b: F.batch_norm(x, None, None, w, b, training=True, eps=1e-4))
    module_case(cases, "f_layer_norm", 0, lambda: nn.Identity(), [rq(2, 3, 4), rq(3, 4)],
                forward=lambda m, x, w: F.layer_norm(x, [3, 4], w, None, 1e-4))
    module_case(cases, "f_group_norm", 0, lambda: nn.Identity(), [rq(2, 4, 3), rq(4), rq(4)],
                forward=lambda m, x, w, b: F.group_norm(x, 2, w, b))
    module_case(cases, "f_instance_norm", 0, lambda: nn.Identity(), [rq(2, 3, 5)],
                forward=lambda m, x: F.instance_norm(x))
    error_case(cases, "bn2d_3d_input", 0, lambda: nn.BatchNorm2d(3), [rq(3, 4, 4)])
    error_case(cases, "bn1d_4d_input", 0, lambda: nn.BatchNorm1d(3), [rq(2, 3, 4, 4)])
    error_case(cases, "bn1d_one_value", 0, lambda: nn.BatchNorm1d(4), [rq(1, 4)])
    error_case(cases, "bn2d_wrong_channels", 0, lambda: nn.BatchNorm2d(3), [rq(2, 4, 3, 3)])
    error_case(cases, "layernorm_wrong_shape", 0, lambda: nn.LayerNorm(5), [rq(2, 6)])
    error_case(cases, "groupnorm_wrong_channels", 0, lambda: nn.GroupNorm(2, 4), [rq(2, 6, 3)])
    error_case(cases, "groupnorm_1d_input", 0, lambda: nn.GroupNorm(2, 4), [rq(4)])
    error_case(cases, "instancenorm2d_wrong_dim", 0, lambda: nn.InstanceNorm2d(3), [rq(2, 3)])
    error_case(cases, "instancenorm2d_affine_channels", 0, lambda: nn.InstanceNorm2d(3, affine=True),
               [rq(2, 4, 3, 3)])
    error_case(cases, "instancenorm2d_one_element", 0, lambda: nn.InstanceNorm2d(3), [rq(2, 3, 1, 1)])
    # BatchNorm3d (drawn last, so the cases above keep their inputs)
    module_case(cases, "bn3d_train", 0, lambda: nn.BatchNorm3d(3), [rq(2, 3, 2, 3, 2)])
    module_case(cases, "bn3d_train_eval", 0, lambda: nn.BatchNorm3d(3, momentum=0.2), [rq(2, 3, 2, 2, 3)],
                forward=bn_train_eval)
    module_case(cases, "bn3d_no_affine", 0, lambda: nn.BatchNorm3d(3, affine=False), [rq(2, 3, 2, 2, 2)])
    error_case(cases, "bn3d_4d_input", 0, lambda: nn.BatchNorm3d(3), [rq(2, 3, 2, 2)])


def resample_cases(cases):
    torch.manual_seed(500)
    module_case(cases, "pixel_shuffle", 0, lambda: nn.PixelShuffle(2), [rq(1, 8, 2, 3)])
    module_case(cases, "pixel_unshuffle", 0, lambda: nn.PixelUnshuffle(2), [rq(1, 2, 4, 6)])
    module_case(cases, "upsample_nearest", 0, lambda: nn.Upsample(scale_factor=2), [rq(1, 2, 3, 3)])
    module_case(cases, "upsample_nearest_size", 0, lambda: nn.Upsample(size=(5, 4)), [rq(1, 2, 3, 3)])
    module_case(cases, "upsample_nearest_1d", 0, lambda: nn.Upsample(scale_factor=1.5), [rq(1, 2, 4)])
    module_case(cases, "upsample_nearest_3d", 0, lambda: nn.Upsample(size=3), [rq(1, 1, 2, 2, 2)])
    module_case(cases, "upsample_linear", 0, lambda: nn.Upsample(scale_factor=2, mode="linear"), [rq(1, 2, 4)])
    module_case(cases, "upsample_bilinear", 0, lambda: nn.Upsample(scale_factor=2, mode="bilinear"),
                [rq(1, 2, 3, 3)])
    module_case(cases, "upsample_bilinear_ac", 0,
                lambda: nn.Upsample(size=(5, 7), mode="bilinear", align_corners=True), [rq(2, 2, 3, 4)])
    module_case(cases, "upsample_bicubic", 0, lambda: nn.Upsample(scale_factor=(1.5, 2.0), mode="bicubic"),
                [rq(1, 2, 4, 3)])
    module_case(cases, "upsample_bicubic_ac", 0, lambda: nn.Upsample(size=6, mode="bicubic", align_corners=True),
                [rq(1, 1, 4, 4)])
    module_case(cases, "upsample_trilinear", 0, lambda: nn.Upsample(scale_factor=2, mode="trilinear"),
                [rq(1, 1, 2, 2, 2)])
    module_case(cases, "upsample_bilinear_double", 0, lambda: nn.Upsample(scale_factor=2.5, mode="bilinear"),
                [rq(1, 1, 3, 3, dtype=torch.float64)], tol=1e-10)
    module_case(cases, "f_interpolate_area", 0, lambda: nn.Identity(), [rq(1, 2, 7, 5)],
                forward=lambda m, x: F.interpolate(x, size=(3, 2), mode="area"))
    module_case(cases, "f_interpolate_area_scale", 0, lambda: nn.Identity(), [rq(1, 2, 6, 6)],
                forward=lambda m, x: F.interpolate(x, scale_factor=0.5, mode="area"))
    module_case(cases, "f_interpolate_recompute", 0, lambda: nn.Identity(), [rq(1, 2, 3, 4)],
                forward=lambda m, x: F.interpolate(x, scale_factor=1.7, mode="bilinear", recompute_scale_factor=True))
    module_case(cases, "f_interpolate_scale_list", 0, lambda: nn.Identity(), [rq(1, 2, 3, 4)],
                forward=lambda m, x: F.interpolate(x, scale_factor=[1.7, 0.8], mode="nearest"))
    module_case(cases, "f_pixel_shuffle", 0, lambda: nn.Identity(), [rq(2, 9, 2, 2)],
                forward=lambda m, x: F.pixel_shuffle(x, 3))
    module_case(cases, "f_pad_constant", 0, lambda: nn.Identity(), [rq(2, 3, 4)],
                forward=lambda m, x: F.pad(x, (1, 2)))
    module_case(cases, "f_pad_constant_value", 0, lambda: nn.Identity(), [rq(1, 2, 3, 3)],
                forward=lambda m, x: F.pad(x, (1, 0, 2, 1), value=0.5))
    module_case(cases, "f_pad_constant_3dims", 0, lambda: nn.Identity(), [rq(2, 3, 2)],
                forward=lambda m, x: F.pad(x, (1, 1, 0, 2, 1, 0)))
    module_case(cases, "f_pad_constant_negative", 0, lambda: nn.Identity(), [rq(2, 3, 4)],
                forward=lambda m, x: F.pad(x, (-1, 2)))
    module_case(cases, "f_pad_reflect", 0, lambda: nn.Identity(), [rq(1, 2, 4, 4)],
                forward=lambda m, x: F.pad(x, (2, 1, 1, 2), mode="reflect"))
    module_case(cases, "f_pad_reflect_1d", 0, lambda: nn.Identity(), [rq(2, 5)],
                forward=lambda m, x: F.pad(x, (2, 3), mode="reflect"))
    module_case(cases, "f_pad_replicate", 0, lambda: nn.Identity(), [rq(1, 2, 4)],
                forward=lambda m, x: F.pad(x, (1, 2), mode="replicate"))
    module_case(cases, "f_pad_circular", 0, lambda: nn.Identity(), [rq(1, 2, 3, 4)],
                forward=lambda m, x: F.pad(x, (1, 1, 2, 0), mode="circular"))
    module_case(cases, "f_pad_double", 0, lambda: nn.Identity(), [rq(1, 2, 3, 3, dtype=torch.float64)],
                forward=lambda m, x: F.pad(x, (1, 1, 1, 1), mode="reflect"), tol=1e-10)
    error_case(cases, "f_pad_reflect_too_big", 0, lambda: nn.Identity(), [rq(1, 1, 3, 3)],
               forward=lambda m, x: F.pad(x, (3, 3, 0, 0), mode="reflect"))
    error_case(cases, "f_pad_reflect_wrong_length", 0, lambda: nn.Identity(), [rq(1, 1, 3, 3)],
               forward=lambda m, x: F.pad(x, (1, 1), mode="reflect"))
    error_case(cases, "f_pad_odd_length", 0, lambda: nn.Identity(), [rq(1, 1, 3, 3)],
               forward=lambda m, x: F.pad(x, (1, 1, 1)))
    error_case(cases, "f_pad_bad_mode", 0, lambda: nn.Identity(), [rq(1, 1, 3, 3)],
               forward=lambda m, x: F.pad(x, (1, 1), mode="mirror"))
    error_case(cases, "pixel_shuffle_bad_channels", 0, lambda: nn.PixelShuffle(2), [rq(1, 6, 2, 2)])
    error_case(cases, "f_interpolate_nearest_align", 0, lambda: nn.Identity(), [rq(1, 1, 3, 3)],
               forward=lambda m, x: F.interpolate(x, scale_factor=2, align_corners=True))
    error_case(cases, "f_interpolate_both", 0, lambda: nn.Identity(), [rq(1, 1, 3, 3)],
               forward=lambda m, x: F.interpolate(x, size=4, scale_factor=2.0))
    error_case(cases, "f_interpolate_size_dims", 0, lambda: nn.Identity(), [rq(1, 1, 3, 3)],
               forward=lambda m, x: F.interpolate(x, size=(4, 4, 4)))
    error_case(cases, "upsample_bilinear_3d_input", 0, lambda: nn.Upsample(scale_factor=2, mode="bilinear"),
               [rq(1, 2, 3)])


def ctor_errors(errors):
    ctor_error(errors, "conv_groups_zero", lambda: nn.Conv2d(4, 4, 3, groups=0))
    ctor_error(errors, "conv_in_not_divisible", lambda: nn.Conv2d(3, 4, 3, groups=2))
    ctor_error(errors, "conv_out_not_divisible", lambda: nn.Conv2d(4, 3, 3, groups=2))
    ctor_error(errors, "conv_bad_padding_string", lambda: nn.Conv2d(4, 4, 3, padding="full"))
    ctor_error(errors, "conv_same_strided", lambda: nn.Conv2d(4, 4, 3, stride=2, padding="same"))
    ctor_error(errors, "conv_bad_padding_mode", lambda: nn.Conv2d(4, 4, 3, padding_mode="mirror"))
    ctor_error(errors, "conv_transpose_padding_mode", lambda: nn.ConvTranspose2d(4, 4, 3, padding_mode="reflect"))
    ctor_error(errors, "groupnorm_not_divisible", lambda: nn.GroupNorm(3, 4))


def cnn():
    """The issue's small CNN on a batch of 4 1x28x28 images; big tensors are summarised."""
    torch.manual_seed(2024)
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))

    def summary(t):
        t = t.detach().double().reshape(-1)
        return {"shape": None, "numel": t.numel(), "sum": t.sum().item(), "absSum": t.abs().sum().item(),
                "sumSq": (t * t).sum().item(), "head": enc(t[:16].float())}

    init = {k: dict(summary(v), shape=list(v.shape)) for k, v in model.state_dict().items()}
    torch.manual_seed(7)
    x = rq(4, 1, 28, 28)
    out = model(x)
    g = rq(4, 10)  # the gradient fed to backward (losses live elsewhere)
    out.backward(g)
    grads = {k: dict(summary(p.grad), shape=list(p.shape)) for k, p in model.named_parameters()}
    return [{"id": "small_cnn", "seed": 2024, "init": init, "input": enc(x), "gradOutput": enc(g),
             "output": enc(out), "grads": grads, "repr": repr(model)}]


def main():
    cases = []
    conv_cases(cases)
    errors = []
    ctor_errors(errors)
    cases.append({"id": "constructor_errors", "errors": errors})
    write("conv", cases)
    for name, fn in [("pool", pool_cases), ("norm", norm_cases), ("resample", resample_cases)]:
        cases = []
        fn(cases)
        write(name, cases)
    write("cnn", cnn())


if __name__ == "__main__":
    main()
