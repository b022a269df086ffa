"""Goldens for org.jtorch.nn's embedding, recurrent and attention layers: Embedding, EmbeddingBag,
RNN/LSTM/GRU and their cells, MultiheadAttention, TransformerEncoderLayer (and the LayerNorm it
uses), F.scaled_dot_product_attention. Run: python3 gen_nn_rnn.py (torch 2.13.0)
-> ../resources/golden/nn/embedding.json, lstm.json, recurrent.json, attention.json

Float32 values are written with the fewest digits that give back the same float32, to keep the
files small."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import enc
from nn_common import module_case, rq, write


def error_case(cases, cid, seed, make, inputs, forward=None):
    """nn_common.error_case, also catching the AssertionErrors PyTorch's attention code raises."""
    torch.manual_seed(seed)
    m = make()
    try:
        forward(m, *inputs) if forward is not None else m(*inputs)
    except (RuntimeError, ValueError, IndexError, AssertionError) as e:
        cases.append({"id": cid, "seed": seed, "inputs": [enc(x) for x in inputs],
                      "error": type(e).__name__, "message": str(e).split("\n")[0]})
        return
    raise AssertionError(cid + " did not fail")


def _short(o):
    if isinstance(o, dict):
        if o.get("dtype") == "FLOAT32" and "data" in o:
            o["data"] = [v if isinstance(v, str) else float(str(np.float32(v))) for v in o["data"]]
        for v in o.values():
            _short(v)
    elif isinstance(o, list):
        for v in o:
            _short(v)
    return o


def save(name, cases):
    write(name, [_short(c) for c in cases])


def main():
    cases = []
    torch.manual_seed(300)

    # ---- Embedding
    ids = torch.tensor([[1, 2, 0, 4], [4, 3, 0, 9]])
    module_case(cases, "embedding", 0, lambda: nn.Embedding(10, 3), [ids])
    module_case(cases, "embedding_padding", 1, lambda: nn.Embedding(10, 3, padding_idx=0), [ids])
    module_case(cases, "embedding_padding_neg", 2, lambda: nn.Embedding(10, 3, padding_idx=-1), [ids])
    module_case(cases, "embedding_max_norm", 3, lambda: nn.Embedding(10, 3, max_norm=1.0), [ids])
    module_case(cases, "embedding_max_norm_p1", 3, lambda: nn.Embedding(10, 3, max_norm=1.5, norm_type=1.0), [ids])
    module_case(cases, "embedding_freq", 4, lambda: nn.Embedding(10, 3, scale_grad_by_freq=True), [ids])
    module_case(cases, "embedding_1d", 5, lambda: nn.Embedding(6, 2), [torch.tensor([5, 0, 5, 1])])
    pre = torch.arange(12.0).reshape(4, 3) / 4
    module_case(cases, "embedding_pretrained", 6, lambda: nn.Embedding.from_pretrained(pre.clone(), freeze=False),
                [torch.tensor([3, 1, 1])])
    module_case(cases, "embedding_pretrained_frozen", 6, lambda: nn.Embedding.from_pretrained(pre.clone()),
                [torch.tensor([3, 1, 1])])
    module_case(cases, "embedding_double", 7, lambda: nn.Embedding(5, 2).double(), [torch.tensor([[0, 4]])], tol=1e-12)
    error_case(cases, "embedding_index_out_of_range", 0, lambda: nn.Embedding(10, 3), [torch.tensor([3, 10])])

    # ---- EmbeddingBag
    flat = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
    offs = torch.tensor([0, 3, 3, 6])
    module_case(cases, "bag_mean_2d", 10, lambda: nn.EmbeddingBag(10, 3), [ids])
    module_case(cases, "bag_sum_offsets", 11, lambda: nn.EmbeddingBag(10, 3, mode="sum"), [flat, offs],
                forward=lambda m, x, o: m(x, o))
    module_case(cases, "bag_mean_offsets", 11, lambda: nn.EmbeddingBag(10, 3, mode="mean"), [flat, offs],
                forward=lambda m, x, o: m(x, o))
    module_case(cases, "bag_max_offsets", 12, lambda: nn.EmbeddingBag(10, 3, mode="max"), [flat, torch.tensor([0, 2, 5])],
                forward=lambda m, x, o: m(x, o))
    module_case(cases, "bag_sum_weights", 13, lambda: nn.EmbeddingBag(10, 3, mode="sum"),
                [flat, offs, rq(8)], forward=lambda m, x, o, w: m(x, o, w))
    module_case(cases, "bag_last_offset", 14, lambda: nn.EmbeddingBag(10, 3, mode="sum", include_last_offset=True),
                [flat, torch.tensor([0, 3, 5, 8])], forward=lambda m, x, o: m(x, o))
    module_case(cases, "bag_padding", 15, lambda: nn.EmbeddingBag(10, 3, mode="mean", padding_idx=4), [flat, offs],
                forward=lambda m, x, o: m(x, o))
    module_case(cases, "bag_max_norm", 16, lambda: nn.EmbeddingBag(10, 3, mode="sum", max_norm=1.0), [ids])
    error_case(cases, "bag_3d_input", 10, lambda: nn.EmbeddingBag(10, 3), [torch.zeros(2, 2, 2, dtype=torch.long)])
    error_case(cases, "bag_2d_with_offsets", 10, lambda: nn.EmbeddingBag(10, 3), [ids, offs],
               forward=lambda m, x, o: m(x, o))
    error_case(cases, "bag_1d_without_offsets", 10, lambda: nn.EmbeddingBag(10, 3), [flat])
    error_case(cases, "bag_weights_mean", 10, lambda: nn.EmbeddingBag(10, 3), [flat, offs, rq(8)],
               forward=lambda m, x, o, w: m(x, o, w))
    error_case(cases, "bag_weights_shape", 10, lambda: nn.EmbeddingBag(10, 3, mode="sum"), [flat, offs, rq(7)],
               forward=lambda m, x, o, w: m(x, o, w))
    error_case(cases, "bag_bad_mode", 10, lambda: nn.EmbeddingBag(10, 3, mode="median"), [ids])

    save("embedding", cases)
    cases = []

    # ---- RNN, LSTM, GRU
    x = rq(3, 2, 3)          # (L, N, H_in)
    xb = rq(2, 3, 3)         # (N, L, H_in)
    xu = rq(3, 3)            # unbatched
    two = lambda m, a: m(a)                                  # noqa: E731
    with_h = lambda m, a, h: m(a, h)                         # noqa: E731
    with_hc = lambda m, a, h, c: m(a, (h, c))                # noqa: E731
    for kind, cls in [("rnn", nn.RNN), ("gru", nn.GRU), ("lstm", nn.LSTM)]:
        lstm = kind == "lstm"
        s = {"rnn": 20, "gru": 40, "lstm": 60}[kind]
        module_case(cases, kind, s, lambda: cls(3, 4), [x], forward=two)
        module_case(cases, kind + "_2layers", s + 1, lambda: cls(3, 4, num_layers=2), [x], forward=two)
        module_case(cases, kind + "_bidir", s + 2, lambda: cls(3, 4, bidirectional=True), [x], forward=two)
        module_case(cases, kind + "_2layers_bidir_bf", s + 3,
                    lambda: cls(3, 4, num_layers=2, bidirectional=True, batch_first=True), [xb], forward=two)
        module_case(cases, kind + "_nobias", s + 4, lambda: cls(3, 4, bias=False), [x], forward=two)
        module_case(cases, kind + "_unbatched", s + 5, lambda: cls(3, 4, num_layers=2), [xu], forward=two)
        if lstm:
            module_case(cases, kind + "_init_state", s + 6, lambda: cls(3, 4, num_layers=2, bidirectional=True),
                        [x, rq(4, 2, 4), rq(4, 2, 4)], forward=with_hc)
            module_case(cases, kind + "_unbatched_state", s + 7, lambda: cls(3, 4), [xu, rq(1, 4), rq(1, 4)],
                        forward=with_hc)
            module_case(cases, kind + "_proj", s + 8, lambda: cls(3, 4, num_layers=2, proj_size=2, bidirectional=True),
                        [x, rq(4, 2, 2), rq(4, 2, 4)], forward=with_hc)
        else:
            module_case(cases, kind + "_init_state", s + 6, lambda: cls(3, 4, num_layers=2, bidirectional=True),
                        [x, rq(4, 2, 4)], forward=with_h)
            module_case(cases, kind + "_unbatched_state", s + 7, lambda: cls(3, 4), [xu, rq(1, 4)], forward=with_h)
        module_case(cases, kind + "_dropout_train", s + 9, lambda: cls(3, 4, num_layers=3, dropout=0.5), [x],
                    forward=two, forward_seed=77)
        if lstm:
            module_case(cases, kind + "_dropout_eval", s + 9, lambda: cls(3, 4, num_layers=3, dropout=0.5), [x],
                        forward=two, train=False)
        module_case(cases, kind + "_double", s + 10, lambda: cls(3, 3, bidirectional=True).double(),
                    [x.double()], forward=two, tol=1e-10)
    save("lstm", [c for c in cases if c["id"].startswith("lstm")])
    cases = [c for c in cases if not c["id"].startswith("lstm")]
    module_case(cases, "rnn_relu", 35, lambda: nn.RNN(3, 4, num_layers=2, nonlinearity="relu"), [x], forward=two)
    error_case(cases, "lstm_4d", 60, lambda: nn.LSTM(5, 6), [rq(2, 4, 3, 5)])
    error_case(cases, "lstm_1d", 60, lambda: nn.LSTM(5, 6), [rq(5)])
    error_case(cases, "rnn_4d", 20, lambda: nn.RNN(5, 6), [rq(2, 4, 3, 5)])
    error_case(cases, "gru_4d", 40, lambda: nn.GRU(5, 6), [rq(2, 4, 3, 5)])
    error_case(cases, "lstm_input_size", 60, lambda: nn.LSTM(10, 6), [rq(4, 3, 7)])
    error_case(cases, "gru_input_size", 40, lambda: nn.GRU(10, 6), [rq(4, 3, 7)])
    error_case(cases, "lstm_h0_shape", 60, lambda: nn.LSTM(3, 4), [x, rq(1, 2, 3), rq(1, 2, 4)], forward=with_hc)
    error_case(cases, "lstm_c0_shape", 60, lambda: nn.LSTM(3, 4), [x, rq(1, 2, 4), rq(2, 2, 4)], forward=with_hc)
    error_case(cases, "lstm_h0_rank", 60, lambda: nn.LSTM(3, 4), [x, rq(2, 4), rq(2, 4)], forward=with_hc)
    error_case(cases, "lstm_unbatched_h0_rank", 60, lambda: nn.LSTM(3, 4), [xu, rq(1, 1, 4), rq(1, 1, 4)],
               forward=with_hc)
    error_case(cases, "gru_h0_shape", 40, lambda: nn.GRU(3, 4), [x, rq(2, 2, 4)], forward=with_h)
    error_case(cases, "rnn_h0_rank", 20, lambda: nn.RNN(3, 4), [x, rq(2, 4)], forward=with_h)
    error_case(cases, "rnn_unbatched_h0_rank", 20, lambda: nn.RNN(3, 4), [xu, rq(1, 1, 4)], forward=with_h)
    error_case(cases, "lstm_dtype", 60, lambda: nn.LSTM(3, 4), [x.double()])

    # ---- cells
    c = rq(3, 5)
    cu = rq(5)
    module_case(cases, "rnn_cell", 80, lambda: nn.RNNCell(5, 4), [c])
    module_case(cases, "rnn_cell_relu_h", 81, lambda: nn.RNNCell(5, 4, nonlinearity="relu"), [c, rq(3, 4)],
                forward=with_h)
    module_case(cases, "rnn_cell_unbatched", 82, lambda: nn.RNNCell(5, 4, bias=False), [cu, rq(4)], forward=with_h)
    module_case(cases, "gru_cell", 83, lambda: nn.GRUCell(5, 4), [c, rq(3, 4)], forward=with_h)
    module_case(cases, "gru_cell_zero", 84, lambda: nn.GRUCell(5, 4, bias=False), [cu])
    module_case(cases, "lstm_cell", 85, lambda: nn.LSTMCell(5, 4), [c, rq(3, 4), rq(3, 4)], forward=with_hc)
    module_case(cases, "lstm_cell_zero", 86, lambda: nn.LSTMCell(5, 4), [c])
    module_case(cases, "lstm_cell_unbatched", 87, lambda: nn.LSTMCell(5, 4, bias=False), [cu, rq(4), rq(4)],
                forward=with_hc)
    error_case(cases, "lstm_cell_3d", 85, lambda: nn.LSTMCell(5, 4), [rq(2, 3, 5)])
    error_case(cases, "gru_cell_hidden_3d", 83, lambda: nn.GRUCell(5, 4), [c, rq(1, 3, 4)], forward=with_h)
    error_case(cases, "rnn_cell_input_size", 80, lambda: nn.RNNCell(5, 4), [rq(3, 7)])

    save("recurrent", cases)
    cases = []

    # ---- MultiheadAttention (sequence first unless batch_first)
    q = rq(3, 2, 4)
    k = rq(4, 2, 4)
    v = rq(4, 2, 4)
    self_attn = lambda m, a: m(a, a, a)                      # noqa: E731
    qkv = lambda m, a, b, d: m(a, b, d)                      # noqa: E731
    module_case(cases, "mha_self", 100, lambda: nn.MultiheadAttention(4, 2), [q], forward=self_attn)
    module_case(cases, "mha_qkv", 101, lambda: nn.MultiheadAttention(4, 2), [q, k, v], forward=qkv)
    module_case(cases, "mha_q_kv", 102, lambda: nn.MultiheadAttention(4, 2), [q, k], forward=lambda m, a, b: m(a, b, b))
    module_case(cases, "mha_kdim_vdim", 103, lambda: nn.MultiheadAttention(4, 2, kdim=3, vdim=5),
                [q, rq(4, 2, 3), rq(4, 2, 5)], forward=qkv)
    module_case(cases, "mha_batch_first", 104, lambda: nn.MultiheadAttention(4, 2, batch_first=True),
                [rq(2, 3, 4)], forward=self_attn)
    module_case(cases, "mha_batch_first_qkv", 104, lambda: nn.MultiheadAttention(4, 2, batch_first=True),
                [rq(2, 3, 4), rq(2, 4, 4), rq(2, 4, 4)], forward=qkv)
    module_case(cases, "mha_unbatched", 105, lambda: nn.MultiheadAttention(4, 2), [rq(3, 4)], forward=self_attn)
    module_case(cases, "mha_nobias", 106, lambda: nn.MultiheadAttention(4, 2, bias=False), [q], forward=self_attn)
    module_case(cases, "mha_bias_kv_zero_attn", 107,
                lambda: nn.MultiheadAttention(4, 2, add_bias_kv=True, add_zero_attn=True), [q, k, v], forward=qkv)
    kpm = torch.tensor([[False, False, True, True], [False, True, False, False]])
    module_case(cases, "mha_key_padding_mask", 108, lambda: nn.MultiheadAttention(4, 2), [q, k, v, kpm],
                forward=lambda m, a, b, d, p: m(a, b, d, key_padding_mask=p))
    am = torch.tensor([[False, True, False, True]] * 3)
    module_case(cases, "mha_attn_mask_bool", 109, lambda: nn.MultiheadAttention(4, 2), [q, k, v, am],
                forward=lambda m, a, b, d, mm: m(a, b, d, attn_mask=mm))
    module_case(cases, "mha_attn_mask_float_3d", 110, lambda: nn.MultiheadAttention(4, 2),
                [q, k, v, rq(4, 3, 4)], forward=lambda m, a, b, d, mm: m(a, b, d, attn_mask=mm))
    module_case(cases, "mha_masks_bias_kv", 111, lambda: nn.MultiheadAttention(4, 2, add_bias_kv=True),
                [q, k, v, kpm, am], forward=lambda m, a, b, d, p, mm: m(a, b, d, key_padding_mask=p, attn_mask=mm))
    module_case(cases, "mha_per_head", 112, lambda: nn.MultiheadAttention(4, 2), [q, k, v],
                forward=lambda m, a, b, d: m(a, b, d, average_attn_weights=False))
    module_case(cases, "mha_no_weights", 113, lambda: nn.MultiheadAttention(4, 2), [q, k, v, kpm, am],
                forward=lambda m, a, b, d, p, mm: m(a, b, d, key_padding_mask=p, attn_mask=mm, need_weights=False))
    causal = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)
    module_case(cases, "mha_causal", 114, lambda: nn.MultiheadAttention(4, 2), [q, causal],
                forward=lambda m, a, mm: m(a, a, a, attn_mask=mm, need_weights=False, is_causal=True))
    module_case(cases, "mha_dropout_train", 115, lambda: nn.MultiheadAttention(4, 2, dropout=0.3), [q, k, v],
                forward=qkv, forward_seed=9)
    module_case(cases, "mha_dropout_eval", 115, lambda: nn.MultiheadAttention(4, 2, dropout=0.3), [q, k, v],
                forward=qkv, train=False)
    module_case(cases, "mha_double", 116, lambda: nn.MultiheadAttention(4, 2).double(), [q.double()],
                forward=self_attn, tol=1e-10)
    error_case(cases, "mha_4d_query", 100, lambda: nn.MultiheadAttention(4, 2), [rq(1, 3, 2, 4)], forward=self_attn)
    error_case(cases, "mha_embed_dim", 100, lambda: nn.MultiheadAttention(4, 2), [rq(3, 2, 6)], forward=self_attn)
    error_case(cases, "mha_causal_without_mask", 100, lambda: nn.MultiheadAttention(4, 2), [q],
               forward=lambda m, a: m(a, a, a, is_causal=True))
    error_case(cases, "mha_mask_shape", 100, lambda: nn.MultiheadAttention(4, 2), [q, k, v, torch.zeros(3, 3)],
               forward=lambda m, a, b, d, mm: m(a, b, d, attn_mask=mm))
    error_case(cases, "mha_mask_dtype", 100, lambda: nn.MultiheadAttention(4, 2),
               [q, k, v, torch.zeros(3, 4, dtype=torch.long)], forward=lambda m, a, b, d, mm: m(a, b, d, attn_mask=mm))
    error_case(cases, "mha_kv_mismatch", 100, lambda: nn.MultiheadAttention(4, 2), [q, k, rq(5, 2, 4)], forward=qkv)

    # ---- F.scaled_dot_product_attention (through Identity: no parameters)
    sq, sk, sv = rq(2, 2, 3, 3), rq(2, 2, 4, 3), rq(2, 2, 4, 3)
    module_case(cases, "sdpa", 120, lambda: nn.Identity(), [sq, sk, sv],
                forward=lambda m, a, b, d: F.scaled_dot_product_attention(a, b, d))
    module_case(cases, "sdpa_mask_scale", 121, lambda: nn.Identity(), [sq, sk, sv, am],
                forward=lambda m, a, b, d, mm: F.scaled_dot_product_attention(a, b, d, attn_mask=~mm, scale=0.3))
    module_case(cases, "sdpa_causal", 122, lambda: nn.Identity(), [sq, rq(2, 2, 3, 3), rq(2, 2, 3, 3)],
                forward=lambda m, a, b, d: F.scaled_dot_product_attention(a, b, d, is_causal=True))
    module_case(cases, "sdpa_dropout", 123, lambda: nn.Identity(), [sq, sk, sv],
                forward=lambda m, a, b, d: F.scaled_dot_product_attention(a, b, d, dropout_p=0.4), forward_seed=3)

    # ---- LayerNorm, TransformerEncoderLayer
    module_case(cases, "layer_norm", 130, lambda: nn.LayerNorm(4), [rq(2, 3, 4)])
    module_case(cases, "layer_norm_2d_nobias", 131, lambda: nn.LayerNorm([3, 4], eps=1e-3, bias=False), [rq(2, 3, 4)])
    module_case(cases, "layer_norm_no_affine", 132, lambda: nn.LayerNorm(4, elementwise_affine=False), [rq(3, 4)])
    src = rq(4, 2, 4)
    module_case(cases, "encoder_layer_eval", 140, lambda: nn.TransformerEncoderLayer(4, 2, 8), [src], train=False)
    module_case(cases, "encoder_layer_train", 141, lambda: nn.TransformerEncoderLayer(4, 2, 8), [src],
                forward_seed=21)
    module_case(cases, "encoder_layer_bf_normfirst_gelu", 142,
                lambda: nn.TransformerEncoderLayer(4, 2, 8, dropout=0.0, activation="gelu", batch_first=True,
                                                   norm_first=True, layer_norm_eps=1e-6), [rq(2, 4, 4)])
    smask = nn.Transformer.generate_square_subsequent_mask(4)
    module_case(cases, "encoder_layer_masks", 143, lambda: nn.TransformerEncoderLayer(4, 2, 8, dropout=0.0),
                [src, smask, kpm], forward=lambda m, a, mm, p: m(a, src_mask=mm, src_key_padding_mask=p))
    module_case(cases, "encoder_layer_causal", 144, lambda: nn.TransformerEncoderLayer(4, 2, 8), [src, smask],
                forward=lambda m, a, mm: m(a, src_mask=mm, is_causal=True), forward_seed=5)
    module_case(cases, "encoder_layer_nobias_unbatched", 145,
                lambda: nn.TransformerEncoderLayer(4, 4, 8, dropout=0.0, bias=False), [rq(4, 4)])
    # ---- TransformerEncoder: copies of one layer (same weights), then an optional norm
    module_case(cases, "encoder_stack_train", 150,
                lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8), 3, enable_nested_tensor=False),
                [src], forward_seed=22)
    module_case(cases, "encoder_stack_norm_masks", 151,
                lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8, dropout=0.0), 2,
                                              norm=nn.LayerNorm(4), enable_nested_tensor=False),
                [src, smask, kpm], forward=lambda m, a, mm, p: m(a, mask=mm, src_key_padding_mask=p))
    module_case(cases, "encoder_stack_eval", 152,
                lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8), 2, enable_nested_tensor=False),
                [src], train=False)
    # ---- TransformerDecoderLayer, TransformerDecoder, Transformer
    tgt, mem = rq(3, 2, 4), rq(4, 2, 4)
    tmask = nn.Transformer.generate_square_subsequent_mask(3)
    tkpm = torch.tensor([[False, False, True], [False, False, False]])
    module_case(cases, "decoder_layer_train", 160, lambda: nn.TransformerDecoderLayer(4, 2, 8), [tgt, mem],
                forward_seed=23)
    module_case(cases, "decoder_layer_normfirst_masks", 161,
                lambda: nn.TransformerDecoderLayer(4, 2, 8, dropout=0.0, activation="gelu", norm_first=True),
                [tgt, mem, tmask, tkpm, kpm],
                forward=lambda m, t, mm, tm, tp, mp: m(t, mm, tgt_mask=tm, tgt_key_padding_mask=tp,
                                                       memory_key_padding_mask=mp))
    module_case(cases, "decoder_stack_norm", 162,
                lambda: nn.TransformerDecoder(nn.TransformerDecoderLayer(4, 2, 8, dropout=0.0), 2,
                                              norm=nn.LayerNorm(4)), [tgt, mem, tmask],
                forward=lambda m, t, mm, tm: m(t, mm, tgt_mask=tm))
    module_case(cases, "transformer_small", 163,
                lambda: nn.Transformer(4, 2, 2, 2, 8, dropout=0.0, batch_first=True),
                [mem.transpose(0, 1).contiguous(), tgt.transpose(0, 1).contiguous(), tmask],
                forward=lambda m, s_, t, tm: m(s_, t, tgt_mask=tm))
    module_case(cases, "transformer_train", 164, lambda: nn.Transformer(4, 2, 1, 1, 8), [mem, tgt],
                forward_seed=24)
    save("attention", cases)


if __name__ == "__main__":
    main()
