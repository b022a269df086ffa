package org.jtorch.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * A module's hooks and what {@link Module#call(Object...)} does with them, as PyTorch's {@code
 * Module._call_impl}: forward pre-hooks (which may replace the inputs), {@code forward}, forward
 * hooks (which may replace the output), and the wiring of full backward hooks.
 *
 * <p>Full backward hooks: each tensor input that requires grad is passed to {@code forward} as a
 * view of itself (a node of its own), whose gradient is {@code grad_input}; each tensor output's
 * gradient is {@code grad_output}. The hooks run once the gradients of all such inputs have been
 * computed (or, where no input requires grad, once those of all outputs have), with {@code
 * grad_input} entries null for inputs that are not tensors requiring grad, as PyTorch's {@code
 * None}. A hook may replace {@code grad_input} where one input requires grad; with several, the
 * earlier inputs' gradients have already flowed on when the last arrives, so a replacement throws.
 */
final class ModuleHooks {
  final List<Module.ForwardPreHook> pre = new CopyOnWriteArrayList<>();
  final List<Module.ForwardHook> post = new CopyOnWriteArrayList<>();
  final List<Module.BackwardHook> backward = new CopyOnWriteArrayList<>();

  boolean isEmpty() {
    return pre.isEmpty() && post.isEmpty() && backward.isEmpty();
  }

  /** A handle that removes {@code hook} from {@code list}. */
  static <T> Module.HookHandle add(List<T> list, T hook) {
    java.util.Objects.requireNonNull(hook, "hook");
    list.add(hook);
    return () -> list.remove(hook);
  }

  Object call(Module m, Object[] inputs) {
    List<Object> args = Arrays.asList(inputs.clone());
    for (Module.ForwardPreHook h : pre) {
      Object r = h.apply(m, Collections.unmodifiableList(args));
      if (r != null) {
        args = r instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(r));
      }
    }
    Backward bw =
        backward.isEmpty() || !Torch.isGradEnabled() ? null : new Backward(m, List.copyOf(backward));
    Object[] forwardArgs = args.toArray();
    if (bw != null) {
      bw.wrapInputs(forwardArgs);
    }
    Object out = m.forward(Arrays.asList(forwardArgs));
    List<Object> frozenArgs = Collections.unmodifiableList(Arrays.asList(forwardArgs));
    for (Module.ForwardHook h : post) {
      Object r = h.apply(m, frozenArgs, out);
      if (r != null) {
        out = r;
      }
    }
    if (bw != null) {
      bw.hookOutputs(out);
    }
    return out;
  }

  /** One call's backward-hook state: the gradients as they arrive, then the hooks. */
  private static final class Backward {
    private final Module module;
    private final List<Module.BackwardHook> hooks;
    private Tensor[] gradInput;
    private Tensor[] gradOutput;
    private int inputsPending;
    private int outputsPending;

    Backward(Module module, List<Module.BackwardHook> hooks) {
      this.module = module;
      this.hooks = hooks;
    }

    /** Replaces each tensor input that requires grad by a view of itself, watched for its grad. */
    void wrapInputs(Object[] args) {
      gradInput = new Tensor[args.length];
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof Tensor t && t.requiresGrad()) {
          Tensor view = t.view(t.shape());
          int index = i;
          inputsPending++;
          view.registerHook(g -> inputArrived(index, g));
          args[i] = view;
        }
      }
    }

    void hookOutputs(Object out) {
      List<Tensor> outs = new ArrayList<>();
      if (out instanceof Tensor t) {
        outs.add(t);
      } else if (out instanceof List<?> l) {
        for (Object o : l) {
          if (o instanceof Tensor t) {
            outs.add(t);
          }
        }
      }
      gradOutput = new Tensor[outs.size()];
      for (int j = 0; j < outs.size(); j++) {
        Tensor t = outs.get(j);
        if (t.requiresGrad()) {
          int index = j;
          outputsPending++;
          t.registerHook(g -> outputArrived(index, g));
        }
      }
    }

    private synchronized Tensor outputArrived(int j, Tensor g) {
      gradOutput[j] = g.detach().clone(); // g is valid only during the call
      if (--outputsPending == 0 && inputsPending == 0) {
        run(-1); // no input requires grad: grad_input is all None, as in PyTorch
      }
      return null;
    }

    private synchronized Tensor inputArrived(int i, Tensor g) {
      gradInput[i] = g.detach().clone();
      return --inputsPending > 0 ? null : run(i);
    }

    /**
     * Runs the hooks and frees the saved gradients; returns the replacement of input {@code
     * last}'s gradient (a new tensor), or null to keep it.
     */
    private Tensor run(int last) {
      List<Tensor> in = Collections.unmodifiableList(Arrays.asList(gradInput.clone()));
      List<Tensor> outGrads = Collections.unmodifiableList(Arrays.asList(gradOutput.clone()));
      try {
        List<Tensor> replaced = null;
        for (Module.BackwardHook h : hooks) {
          List<Tensor> r = h.apply(module, replaced != null ? replaced : in, outGrads);
          if (r != null) {
            if (r.size() != gradInput.length) {
              throw new IllegalArgumentException(
                  "a backward hook of " + module.name() + " returned " + r.size()
                      + " gradients for " + gradInput.length + " inputs");
            }
            replaced = r;
          }
        }
        if (replaced == null || last < 0) {
          return null;
        }
        long requiring = Arrays.stream(gradInput).filter(java.util.Objects::nonNull).count();
        if (requiring > 1) {
          throw new UnsupportedOperationException(
              "a full backward hook of " + module.name() + " returned a new grad_input, but "
                  + requiring + " inputs require grad; jtorch can replace grad_input only where"
                  + " one input does");
        }
        Tensor r = replaced.get(last);
        return r == null ? null : r.clone();
      } finally {
        closeAll(gradInput);
        closeAll(gradOutput);
      }
    }

    private static void closeAll(Tensor[] tensors) {
      for (int k = 0; k < tensors.length; k++) {
        if (tensors[k] != null) {
          tensors[k].close();
          tensors[k] = null;
        }
      }
    }
  }
}
