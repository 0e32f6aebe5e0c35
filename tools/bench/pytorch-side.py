"""The workloads of `npm run bench`, timed in PyTorch on one thread, printed as JSON.

Run by tools/bench/pytorch.ts when PyTorch is installed (`apt-get install python3-torch`); it is
never a dependency of the project. Each workload mirrors one the engine runs: same shapes, same
model, random data. Times are medians in milliseconds; process CPU time when `--clock cpu`.
"""
import json
import statistics
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)
quick = "--quick" in sys.argv
clock = time.process_time if "--clock=cpu" in sys.argv else time.perf_counter


def median_ms(fn, repeats):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = clock()
        fn()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def mlp():
    # The lesson's MLP: 50000x784 -> 50 -> 1, MSE, the input's gradient too.
    x = torch.randn(50000, 784, requires_grad=True)
    y = torch.randn(50000)
    w1 = (torch.randn(784, 50) * (2 / 784) ** 0.5).requires_grad_()
    b1 = torch.zeros(50, requires_grad=True)
    w2 = (torch.randn(50, 1) * (1 / 50) ** 0.5).requires_grad_()
    b2 = torch.zeros(1, requires_grad=True)
    forward_times, backward_times = [], []
    for r in range(3 if quick else 6):
        for p in (x, w1, b1, w2, b2):
            p.grad = None
        start = clock()
        loss = ((x @ w1 + b1).relu() @ w2 + b2).squeeze(-1).sub(y).pow(2).mean()
        middle = clock()
        loss.backward()
        end = clock()
        if r > 0:
            forward_times.append((middle - start) * 1000)
            backward_times.append((end - middle) * 1000)
    return statistics.median(forward_times), statistics.median(backward_times)


def epoch():
    # The capstone's default engine model: 784-50-10, cross-entropy, SGD with momentum and
    # weight decay, 8000 rows in batches of 64.
    x = torch.rand(8000, 784)
    labels = torch.randint(0, 10, (8000,))
    model = torch.nn.Sequential(torch.nn.Linear(784, 50), torch.nn.ReLU(), torch.nn.Linear(50, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=0.005)

    def run():
        order = torch.randperm(8000)
        for i in range(0, 8000, 64):
            idx = order[i : i + 64]
            loss = torch.nn.functional.cross_entropy(model(x[idx]), labels[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()

    return median_ms(run, 2 if quick else 3)


def blas_library():
    """The BLAS PyTorch loaded: Debian's reference BLAS is many times slower than OpenBLAS."""
    with open("/proc/self/maps") as maps:
        names = {line.split()[-1].rsplit("/", 1)[-1] for line in maps if "blas" in line}
    return ", ".join(sorted(names)) or "unknown"


def main():
    a, b = torch.randn(512, 512), torch.randn(512, 512)
    u, v = torch.randn(1_000_000), torch.randn(1_000_000)
    m, row = torch.randn(1000, 1000), torch.randn(1000)
    into = u.clone()
    small_a, small_b = torch.randn(5, 784), torch.randn(784, 10)
    forward, backward = mlp()
    repeats = 20 if quick else 50
    print(
        json.dumps(
            {
                "version": torch.__version__,
                "blas": blas_library(),
                "matmul512Ms": median_ms(lambda: a @ b, repeats),
                "lessonMatmulMs": median_ms(lambda: small_a @ small_b, 200),
                "mlpForwardMs": forward,
                "mlpBackwardMs": backward,
                "epochMs": epoch(),
                "addMs": median_ms(lambda: u + v, repeats),
                "addInPlaceMs": median_ms(lambda: into.add_(v), repeats),
                "broadcastAddMs": median_ms(lambda: m + row, repeats),
                "reluMs": median_ms(lambda: u.relu(), repeats),
                "sumDim0Ms": median_ms(lambda: m.sum(0), repeats),
            }
        )
    )


main()
