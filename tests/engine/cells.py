"""Learner code the checker tests share: our own copy of the notebook's backward cell, mistakes and
Korean comments included, indented as it sits in the notebook's loop (cell In [59], its backward pass and update exactly as the
learner wrote them)."""

NOTEBOOK_CELL = """\
    #역전파
    # layer 2
    d_loss = (y/y_pred) - (1-y)/(1-y_pred)
    d_l2 = sigmoid_p(l2) * d_loss
    d_b2 = d_l2
    d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_l2) # 0,1 -> 행과 열 변경
    
    # layer 1
    d_a1 = torch.matmul(d_l2, torch.transpose(w2, 0, 1))
    d_l1 = sigmoid_p(l1) * d_a1
    d_b1 = d_l1
    d_w1 = torch.matmul(torch.transpose(X, 0, 1), d_l1)
    
    # gradient descent
    w1 -= lr * d_w1
    b1 -= lr * torch.mean(d_b1,0)
    w2 -= lr * d_w2
    b2 -= lr * torch.mean(d_b2,0)
"""

# The same pass written correctly: the sign and 1/N of the mean in d_loss, batch sums for the biases.
CORRECT = """\
d_loss = -(y / y_pred - (1 - y) / (1 - y_pred)) / N
d_l2 = sigmoid_p(l2) * d_loss
d_b2 = d_l2.sum(0)
d_w2 = a1.T @ d_l2
d_a1 = d_l2 @ w2.T
d_l1 = sigmoid_p(l1) * d_a1
d_b1 = d_l1.sum(0)
d_w1 = X.T @ d_l1
w1 -= lr * d_w1
b1 -= lr * d_b1
w2 -= lr * d_w2
b2 -= lr * d_b2
"""
