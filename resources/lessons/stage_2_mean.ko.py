    #역전파
    # layer 2
    d_loss = -((y/y_pred) - (1-y)/(1-y_pred)) / N  # 수정 1, 2: 마이너스와 1/N
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
